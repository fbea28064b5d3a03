/** Inputs that make sense: the family file's and the wizard's rules, through the real forms. */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { aMunicipality, aProviderLocation } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  aParent,
  bornChild,
  errorsOf,
  familyForm,
  fileRequest,
  type Parent,
  regularStart,
  saveFamily,
  step,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

describe.each(BACKENDS)('inputs that make sense on %s', (backend) => {
  let p: Parent;
  beforeEach(async () => {
    p = await aParent(backend, 'fr');
  });
  afterEach(async () => p.t.close());

  const postFamily = (overrides: Record<string, string>) =>
    p.client.post('/parent/family', familyForm(p.s.municipality.id, overrides), {
      formPage: '/parent/family',
    });
  const postChild = (form: Record<string, string>) =>
    p.client.post(
      '/parent/requests/new/child',
      { ...form, nav: 'next' },
      { formPage: '/parent/requests/new/child' },
    );

  it('checks phone numbers and keeps them formatted: Belgian nationally, others internationally', async () => {
    const wrong = await postFamily({ parent1Phone: '12345' });
    expect(wrong.statusCode).toBe(400);
    expect(errorsOf(wrong.body)).toEqual([errorText('fr', 'phoneNotValid')]);
    expect(wrong.body).toContain('value="12345"');

    await saveFamily(p, {
      parent1Phone: '0470123456',
      parent2FirstName: 'Jan',
      parent2LastName: 'Peeters',
      parent2Phone: '0031612345678',
    });
    const parents = await p.t.deps.db.select().from(schema.parents).orderBy(schema.parents.position);
    expect(parents.map((x) => x.phone)).toEqual(['0470 12 34 56', '+31 6 12345678']);
    const page = await p.client.get('/parent/family');
    expect(page.body).toContain('value="0470 12 34 56"');
    expect(page.body).toContain('value="+31 6 12345678"');
  });

  it('says so when the sub-municipality belongs to another municipality', async () => {
    const other = await aMunicipality(p.t.deps.db, { regionId: p.s.region.id });
    const [elsewhere] = await p.t.deps.db
      .insert(schema.subMunicipalities)
      .values({ municipalityId: other.id, name: 'Elders', postcode: '3010' })
      .returning();
    const res = await postFamily({ subMunicipalityId: elsewhere?.id ?? '' });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res.body)).toEqual([errorText('fr', 'subMunicipalityElsewhere')]);
    await saveFamily(p, { subMunicipalityId: p.s.subMunicipality?.id ?? '' });
  });

  it('refuses a born child older than any location accepts, and says when an expected birth is too far ahead', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    // Today is 2026-11-22; every location of the scenario takes children up to 36 months.
    const old = await postChild({ ...bornChild, birthDate: '2023-09-01' });
    expect(old.statusCode).toBe(400);
    expect(errorsOf(old.body)).toEqual([errorText('fr', 'childTooOld')]);
    // Exactly 36 months old still fits.
    await step(p, 'child', { ...bornChild, birthDate: '2023-11-22', nav: 'next' });

    const far = await postChild({
      childId: 'new',
      childLastName: 'Peeters',
      childBorn: 'no',
      expectedBirthDate: '2027-10-01',
    });
    expect(far.statusCode).toBe(400);
    expect(errorsOf(far.body)).toEqual([errorText('fr', 'expectedDateTooFar')]);
    expect(errorsOf(far.body)).not.toContain(errorText('fr', 'invalidDate'));
    await step(p, 'child', {
      childId: 'new',
      childLastName: 'Peeters',
      childBorn: 'no',
      expectedBirthDate: '2027-09-01',
      nav: 'next',
    });
  });

  it('takes the oldest age any location accepts, anywhere', async () => {
    await aProviderLocation(p.t.deps.db, { municipalityId: p.s.municipality.id, maxAgeMonths: 48 });
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, birthDate: '2023-01-15', nav: 'next' });
    const older = await postChild({ ...bornChild, birthDate: '2022-10-01' });
    expect(errorsOf(older.body)).toEqual([errorText('fr', 'childTooOld')]);
  });

  it('refuses a start when the child would be older than any location accepts; further than the municipality asks is only a warning', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    // Born 2026-08-01, locations take children up to 36 months: 2029-08-01 at the latest.
    const late = await p.client.post(
      '/parent/requests/new/when',
      { kind: 'regular', desiredStart: '2029-08-02', nav: 'next' },
      { formPage: '/parent/requests/new/when' },
    );
    expect(late.statusCode).toBe(400);
    expect(errorsOf(late.body)).toEqual([errorText('fr', 'startTooFarAhead')]);
    await step(p, 'when', { kind: 'regular', desiredStart: '2029-08-01', nav: 'next' });
    const warned = await p.client.get('/parent/requests/new/plan');
    expect(warned.statusCode).toBe(200);
  });

  it('stores a new child only when the request is filed', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    await step(p, 'when', { ...regularStart, nav: 'next' });
    expect(await p.t.deps.db.$count(schema.children)).toBe(0);
    // The summary and the steps still know the child from the draft.
    const when = await p.client.get('/parent/requests/new/when');
    expect(when.statusCode).toBe(200);
    // Abandoning the wizard leaves no child behind.
    await p.client.post('/parent/requests/new/discard', {});
    expect(await p.t.deps.db.$count(schema.children)).toBe(0);

    // The national number waits in the draft only as the vault's cipher, and is kept when the
    // parent comes back to the child step and goes on without typing it again.
    const nrn = makeNationalNumber(localDate('2026-08-01'), 123);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nationalNumber: nrn, nav: 'next' });
    const [draft] = await p.t.deps.db.select().from(schema.requestDrafts);
    expect(JSON.stringify(draft?.data)).not.toContain(nrn);
    await step(p, 'child', { ...bornChild, nav: 'next' });
    expect(await p.t.deps.db.$count(schema.children)).toBe(0);

    const id = await fileRequest(p);
    const children = await p.t.deps.db.select().from(schema.children);
    expect(children.map((c) => [c.firstName, c.birthDate])).toEqual([['Lena', '2026-08-01']]);
    expect(p.t.deps.vault.reveal(children[0]?.nationalNumberCipher as string)).toBe(nrn);
    const [request] = await p.t.deps.db.select().from(schema.requests).where(eq(schema.requests.id, id));
    expect(request?.childId).toBe(children[0]?.id);
  });
});
