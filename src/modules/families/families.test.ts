import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/app.ts';
import { aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  aParent,
  errorsOf,
  eventsOf,
  familyForm,
  fileRequest,
  mails,
  type Parent,
  saveFamily,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

describe.each(BACKENDS)('the family file on %s', (backend) => {
  let p: Parent;
  beforeEach(async () => {
    p = await aParent(backend, 'fr');
  });
  afterEach(async () => p.t.close());

  it('creates the file with both parents, the address, the household facts and dated consent', async () => {
    expect((await p.client.get('/parent')).body).toContain('data-qa="start-family"');
    const empty = await p.client.get('/parent/family');
    expect(empty.statusCode).toBe(200);

    const bad = await p.client.post(
      '/parent/family',
      familyForm(p.s.municipality.id, {
        parent1FirstName: '',
        parent1NationalNumber: '12345678901',
        parent1DaysPerWeek: '7',
        parent2Email: 'pas-un-email',
        subMunicipalityId: (await otherSub()).id,
        consent: '',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad.body)).toEqual([
      'Remplissez ce champ.',
      'Indiquez un nombre de jours entre 0,5 et 5, par exemple 4 ou 4,5.',
      'Indiquez une adresse e-mail valide, par exemple nom@exemple.be.',
      'Donnez votre accord pour pouvoir introduire votre demande.',
    ]);
    expect(bad.body).toContain('value="Bondgenotenlaan"');
    expect(await p.t.deps.db.$count(schema.families)).toBe(0);

    const nrn = makeNationalNumber(localDate('1990-05-17'), 321);
    await saveFamily(p, {
      parent1NationalNumber: nrn,
      parent1DaysPerWeek: '4,5',
      parent2FirstName: 'Tom',
      parent2LastName: 'Janssens',
      parent2Email: 'tom@example.be',
      parent2Language: 'nl',
      parent2Situation: 'job_seeking',
      subMunicipalityId: p.s.subMunicipality?.id as string,
      facts: ['siblingsInCare'],
      yearlyIncome: '28 500',
      homeLanguage: 'Frans',
    });
    const [family] = await p.t.deps.db.select().from(schema.families);
    expect(family).toMatchObject({
      municipalityId: p.s.municipality.id,
      subMunicipalityId: p.s.subMunicipality?.id,
      yearlyIncome: 28_500,
      siblingsInCare: true,
      singleParent: false,
      homeLanguage: 'Frans',
      consentAt: p.t.clock.now(),
      priorityFactsGivenAt: p.t.clock.now(),
    });
    const parents = await p.t.deps.db.select().from(schema.parents).orderBy(schema.parents.position);
    expect(parents.map((x) => [x.firstName, x.email, x.language, x.situation, x.daysPerWeek])).toEqual([
      ['Sofie', p.user.email, 'fr', 'working', '4.5'],
      ['Tom', 'tom@example.be', 'nl', 'job_seeking', null],
    ]);
    expect(JSON.stringify(parents)).not.toContain(nrn);
    expect(p.t.deps.vault.reveal(parents[0]?.nationalNumberCipher as string)).toBe(nrn);

    // Editing keeps the file number and the date of consent; the second parent can be removed.
    p.t.clock.advanceDays(1);
    await p.client.login(p.user.email, TEST_PASSWORD);
    const page = await p.client.get('/parent/family');
    expect(page.body).toContain(family?.fileNumber);
    expect(page.body).toContain('Consentement donné le 22 novembre 2026.');
    expect(page.body).toContain('Données pour la priorité données le 22 novembre 2026.');
    expect(page.body).toContain('value="28500"');
    expect(page.body).not.toContain(nrn);
    await saveFamily(p, { facts: 'singleParent' });
    const [edited] = await p.t.deps.db.select().from(schema.families);
    expect(edited).toMatchObject({
      fileNumber: family?.fileNumber,
      singleParent: true,
      yearlyIncome: null,
      consentAt: family?.consentAt,
      // Saving the form gives the facts again: the new date.
      priorityFactsGivenAt: p.t.clock.now(),
    });
    expect((await p.client.get('/parent/family')).body).toContain(
      'Données pour la priorité données le 23 novembre 2026.',
    );
    expect(await p.t.deps.db.$count(schema.parents)).toBe(1);
    const [kept] = await p.t.deps.db.select().from(schema.parents);
    expect(kept?.nationalNumberHash).toBe(parents[0]?.nationalNumberHash);
    const audits = await p.t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'parent.family.update'));
    expect(audits).toHaveLength(2);
  });

  it('refuses an income that is not an amount in whole euros, with a clear message, and changes nothing', async () => {
    await saveFamily(p, { yearlyIncome: '31.000' });
    const [before] = await p.t.deps.db.select().from(schema.families);
    expect(before?.yearlyIncome).toBe(31_000);
    p.t.clock.advanceDays(2);
    await p.client.login(p.user.email, TEST_PASSWORD);
    for (const [typed, message] of [
      ['abc', 'Indiquez le revenu en euros entiers, uniquement des chiffres, par exemple 28500.'],
      ['-5', 'Indiquez le revenu en euros entiers, uniquement des chiffres, par exemple 28500.'],
      ['28500,50', 'Indiquez le revenu en euros entiers, uniquement des chiffres, par exemple 28500.'],
      [
        '1000000000000',
        'Ce montant est trop élevé pour un revenu annuel. Indiquez le revenu par an en euros entiers.',
      ],
    ] as const) {
      const res = await p.client.post(
        '/parent/family',
        familyForm(p.s.municipality.id, { yearlyIncome: typed, facts: 'singleParent' }),
        { formPage: '/parent/family' },
      );
      expect(res.statusCode, typed).toBe(400);
      expect(errorsOf(res.body)).toEqual([message]);
      expect(res.body).toContain(`value="${typed}"`);
    }
    const [after] = await p.t.deps.db.select().from(schema.families);
    expect(after).toEqual(before);
  });

  it('completes the birth data of an unborn child later; the request keeps its date', async () => {
    await saveFamily(p, {
      parent2FirstName: 'Tom',
      parent2LastName: 'Janssens',
      parent2Email: 'tom@example.be',
      parent2Language: 'nl',
    });
    const requestId = await fileRequest(p, {
      child: {
        childId: 'new',
        childFirstName: '',
        childLastName: 'Peeters',
        childBorn: 'no',
        birthDate: '',
        expectedBirthDate: '2027-01-15',
      },
      when: { desiredStart: '2027-06-01' },
    });
    const before = await p.client.get(`/parent/requests/${requestId}`);
    expect(before.body).toContain('data-qa="child-born-link"');
    const [child] = await p.t.deps.db.select().from(schema.children);

    p.t.clock.set('2027-01-20T09:00:00Z');
    await p.client.login(p.user.email, TEST_PASSWORD);
    const url = `/parent/children/${child?.id}/birth`;
    expect((await p.client.get(url)).statusCode).toBe(200);
    const future = await p.client.post(url, {
      childFirstName: 'Lina',
      childLastName: 'Peeters',
      birthDate: '2027-02-01',
    });
    expect(future.statusCode).toBe(400);
    expect(errorsOf(future.body)).toEqual(['Une date de naissance ne peut pas être dans le futur.']);
    const mismatch = await p.client.post(url, {
      childFirstName: 'Lina',
      childLastName: 'Peeters',
      birthDate: '2027-01-12',
      nationalNumber: makeNationalNumber(localDate('2027-01-13'), 2),
    });
    expect(errorsOf(mismatch.body)).toEqual([
      'Le numéro de registre national ne correspond pas à la date de naissance.',
    ]);
    const nrn = makeNationalNumber(localDate('2027-01-12'), 2);
    const done = await p.client.post(url, {
      childFirstName: 'Lina',
      childLastName: 'Peeters',
      birthDate: '2027-01-12',
      nationalNumber: nrn,
    });
    expect(done.headers.location).toBe(`/parent/requests/${requestId}`);

    const [born] = await p.t.deps.db.select().from(schema.children);
    expect(born).toMatchObject({
      firstName: 'Lina',
      birthDate: '2027-01-12',
      expectedBirthDate: '2027-01-15',
    });
    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request?.submittedAt.toISOString()).toBe('2026-11-22T09:00:00.000Z');
    expect(request?.desiredStart).toBe('2027-06-01');
    expect((await eventsOf(p.t, requestId)).map((e) => e.eventType)).toContain('child.born');
    const sent = (await mails(p.t)).filter((m) => m.template === 'child.born');
    expect(sent.map((m) => [m.toAddress, m.language])).toEqual([
      [p.user.email, 'fr'],
      ['tom@example.be', 'nl'],
    ]);
    expect(sent[0]?.textBody).toContain('Votre demande garde sa date d’origine (22 novembre 2026).');
    const after = await p.client.get(`/parent/requests/${requestId}`);
    expect(after.body).not.toContain('data-qa="child-born-link"');
    expect(after.body).toContain('Données de naissance complétées');
    // Done once: the form is gone.
    expect((await p.client.get(url)).headers.location).toBe('/parent/family');

    // Another family cannot claim the same national number.
    const other = await aUser(p.t.deps.db, { role: 'parent' });
    const client = new TestClient(p.t.app);
    await client.login(other.email, TEST_PASSWORD);
    const o = { ...p, client, user: other };
    await saveFamily(o);
    const theirs = await fileRequest(o, {
      child: {
        childId: 'new',
        childLastName: 'Anders',
        childBorn: 'no',
        birthDate: '',
        expectedBirthDate: '2027-02-01',
      },
      when: { desiredStart: '2027-06-01' },
    });
    const [theirChild] = await p.t.deps.db
      .select()
      .from(schema.children)
      .where(eq(schema.children.lastName, 'Anders'));
    const clash = await client.post(
      `/parent/children/${theirChild?.id}/birth`,
      { childFirstName: 'X', childLastName: 'Anders', birthDate: '2027-01-12', nationalNumber: nrn },
      { formPage: `/parent/requests/${theirs}` },
    );
    expect(clash.statusCode).toBe(400);
    expect(errorsOf(clash.body)).toEqual([
      'Dit kind heeft al een dossier bij het loket, in een ander gezin. Neem contact op met het loket.',
    ]);
    // And never sees this family's child.
    expect((await client.get(url)).statusCode).toBe(404);
  });

  async function otherSub() {
    const [row] = await p.t.deps.db
      .insert(schema.subMunicipalities)
      .values({
        municipalityId: (
          await p.t.deps.db
            .insert(schema.municipalities)
            .values({ regionId: p.s.region.id, nisCode: '99999', slug: 'elders', name: 'Elders' })
            .returning()
        )[0]?.id as string,
        name: 'Elders-Centrum',
        postcode: '9999',
      })
      .returning();
    if (!row) throw new Error('insert failed');
    return row;
  }
});
