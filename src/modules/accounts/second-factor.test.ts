import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import {
  aMunicipality,
  aProviderLocation,
  aRegion,
  aUser,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
} from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { totpCode, totpQrSvg } from '../../platform/auth/totp.ts';
import { schema } from '../../platform/db/index.ts';

const { users, sessions, recoveryCodes, auditLog } = schema;

describe.each(BACKENDS)('second factor on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, { env: { STAFF_SECOND_FACTOR: 'required' } });
  });
  afterEach(async () => t.close());

  const code = (secret = TEST_TOTP_SECRET) => totpCode(secret, t.clock.now());
  const passwordStep = async (email: string) => {
    const client = new TestClient(t.app);
    const res = await client.post('/login', { email, password: TEST_PASSWORD }, { formPage: '/login' });
    return { client, res };
  };
  const deskUser = async () => {
    const region = await aRegion(t.deps.db);
    const municipality = await aMunicipality(t.deps.db, { regionId: region.id });
    return aUser(t.deps.db, { role: 'desk', municipalityId: municipality.id, secondFactor: true });
  };
  const userRow = async (id: string) => (await t.deps.db.select().from(users).where(eq(users.id, id)))[0];

  it('asks an enrolled staff member for the code: a wrong code is refused, the right one logs in', async () => {
    const user = await deskUser();
    const { client, res } = await passwordStep(user.email);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login/code');
    const page = await client.get('/login/code');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Code uit uw app');

    const wrongCode = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await client.post('/login/code', { code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Deze code is niet juist of al gebruikt');
    expect((await client.get('/desk')).headers.location).toBe('/login/code');

    const right = await client.post('/login/code', { code: code() });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/account/home');
    expect((await client.get('/desk')).statusCode).toBe(200);
    // A right code clears the count of wrong ones.
    expect((await userRow(user.id))?.failedCodes).toBe(0);
  });

  it('keeps where the visitor was going across both steps', async () => {
    const user = await deskUser();
    const client = new TestClient(t.app);
    const res = await client.post(
      '/login',
      { email: user.email, password: TEST_PASSWORD, next: '/account' },
      { formPage: '/login' },
    );
    expect(res.headers.location).toBe('/login/code?next=%2Faccount');
    await client.get(String(res.headers.location));
    const right = await client.post('/login/code', { code: code(), next: '/account' });
    expect(right.headers.location).toBe('/account');
  });

  it('grants a half-logged-in user nothing but the second step and log-out', async () => {
    const user = await deskUser();
    const { client } = await passwordStep(user.email);
    await client.get('/login/code');
    for (const path of [
      '/desk',
      '/account',
      '/account/home',
      '/account/second-factor',
      '/admin',
      '/',
      '/login',
    ]) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location, path).toBe('/login/code');
    }
    const post = await client.post('/account/language', { language: 'fr' });
    expect(post.headers.location).toBe('/login/code');
    expect((await userRow(user.id))?.language).toBe('nl');
    // Past its short lifetime the half session ends.
    t.clock.advanceMinutes(11);
    expect((await client.get('/desk')).headers.location).toBe('/login?next=%2Fdesk');
    const again = await passwordStep(user.email);
    await again.client.get('/login/code');
    const out = await again.client.post('/logout', {});
    expect(out.headers.location).toBe('/');
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('locks the code step after 5 wrong codes for 15 minutes; logging in again does not reset it', async () => {
    const user = await deskUser();
    const { client } = await passwordStep(user.email);
    await client.get('/login/code');
    for (let i = 0; i < 5; i++)
      expect((await client.post('/login/code', { code: '000000' })).statusCode).toBe(400);
    expect((await userRow(user.id))?.codesLockedUntil).toEqual(
      new Date(t.clock.now().getTime() + 15 * 60_000),
    );
    expect((await client.post('/login/code', { code: code() })).statusCode).toBe(400);
    const again = await passwordStep(user.email);
    await again.client.get('/login/code');
    expect((await again.client.post('/login/code', { code: code() })).statusCode).toBe(400);
    t.clock.advanceMinutes(15);
    const later = await passwordStep(user.email);
    await later.client.get('/login/code');
    expect((await later.client.post('/login/code', { code: code() })).statusCode).toBe(303);
  });

  it('sends staff without a factor to enrolment; enrolment gives recovery codes that work once each', async () => {
    const region = await aRegion(t.deps.db);
    const municipality = await aMunicipality(t.deps.db, { regionId: region.id });
    const location = await aProviderLocation(t.deps.db, { municipalityId: municipality.id });
    const user = await aUser(t.deps.db, {
      role: 'provider_staff',
      providerLocationId: location.id,
      secondFactor: false,
    });
    const { client, res } = await passwordStep(user.email);
    expect(res.headers.location).toBe('/login/enrol');
    expect((await client.get('/provider')).headers.location).toBe('/login/enrol');
    expect((await client.get('/login/code')).headers.location).toBe('/login/enrol');
    const page = await client.get('/login/enrol');
    expect(page.statusCode).toBe(200);
    const grouped = /data-qa="totp-secret">([A-Z2-7 ]+)</.exec(page.body)?.[1] ?? '';
    const secret = grouped.replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(grouped).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const uri = `otpauth://totp/Loket%20Kinderopvang:${encodeURIComponent(user.email)}?secret=${secret}`;
    expect(page.body).toContain(uri);
    // The same URI as a QR code for the phone's camera, named for a screen reader.
    const qr =
      /<div class="ko-qr" role="img" aria-label="([^"]+)" data-qa="totp-qr">(<svg[\s\S]*?<\/svg>)/.exec(
        page.body,
      );
    expect(qr?.[1]).toBe('QR-code om uw account toe te voegen aan de authenticator-app');
    const shownUri = (/data-qa="totp-uri">([^<]+)</.exec(page.body)?.[1] ?? '').replaceAll('&amp;', '&');
    expect(shownUri.startsWith(uri)).toBe(true);
    expect(qr?.[2]).toBe((await totpQrSvg(shownUri)).trim());
    // A reload shows the same secret; it is stored only encrypted.
    expect((await client.get('/login/enrol')).body).toContain(grouped);
    const stored = await userRow(user.id);
    expect(stored?.totpSecretCipher).toMatch(/^v1\./);
    expect(stored?.totpSecretCipher).not.toContain(secret);
    expect(stored?.totpEnrolledAt).toBeNull();

    expect(
      (await client.post('/login/enrol', { code: '123456' === code(secret) ? '654321' : '123456' }))
        .statusCode,
    ).toBe(400);
    const done = await client.post('/login/enrol', { code: code(secret) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map(
      (m) => m[1] as string,
    );
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await client.get('/account')).statusCode).toBe(200);
    const hashes = await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(codes.some((c) => h.codeHash.includes(c.replace('-', '')))).toBe(false);
    expect(t.log.text()).not.toContain(secret);
    expect(t.log.text()).not.toContain(codes[0]);

    // A recovery code logs in once (typed in capitals and without its dash: still the same code).
    const first = codes[0] as string;
    const withRecovery = await passwordStep(user.email);
    expect(withRecovery.res.headers.location).toBe('/login/code');
    await withRecovery.client.get('/login/code');
    const used = await withRecovery.client.post('/login/code', {
      code: first.toUpperCase().replace('-', ''),
    });
    expect(used.statusCode).toBe(303);
    expect((await withRecovery.client.get('/account')).body).toContain('Aan (9 herstelcodes over)');
    const twice = await passwordStep(user.email);
    await twice.client.get('/login/code');
    expect((await twice.client.post('/login/code', { code: first })).statusCode).toBe(400);
    expect((await twice.client.post('/login/code', { code: codes[1] as string })).statusCode).toBe(303);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, user.id), eq(auditLog.action, 'auth.secondFactor.code')));
    expect(audit).toHaveLength(2);
  });

  it('lets the platform admin reset a staff member’s factor: audited, sessions end, enrolment at next log-in', async () => {
    const admin = await aUser(t.deps.db, { role: 'platform_admin', secondFactor: true });
    const staff = await deskUser();
    const staffClient = new TestClient(t.app);
    await staffClient.login(staff.email, TEST_PASSWORD);
    expect((await staffClient.get('/desk')).statusCode).toBe(200);
    const adminClient = new TestClient(t.app);
    await adminClient.login(admin.email, TEST_PASSWORD);

    const unknown = await adminClient.post(
      '/admin/second-factor',
      { email: 'nobody@test.example' },
      { formPage: '/admin/second-factor' },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Er is geen account van een medewerker met dit e-mailadres.');
    const parent = await aUser(t.deps.db, { role: 'parent', secondFactor: true });
    expect((await adminClient.post('/admin/second-factor', { email: parent.email })).statusCode).toBe(400);
    expect((await userRow(parent.id))?.totpEnrolledAt).not.toBeNull();

    const reset = await adminClient.post('/admin/second-factor', { email: staff.email.toUpperCase() });
    expect(reset.statusCode).toBe(303);
    expect((await adminClient.get(String(reset.headers.location))).body).toContain(
      'De tweestapsverificatie is hersteld.',
    );
    expect((await staffClient.get('/desk')).headers.location).toBe('/login?next=%2Fdesk');
    const row = await userRow(staff.id);
    expect(row?.totpSecretCipher).toBeNull();
    expect(row?.totpEnrolledAt).toBeNull();
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'admin.secondFactor.reset'));
    expect(audit).toMatchObject([{ actorUserId: admin.id, subjectType: 'user', subjectId: staff.id }]);

    const { res } = await passwordStep(staff.email);
    expect(res.headers.location).toBe('/login/enrol');
  });

  it('lets a parent opt in from the account page; then the parent logs in with a code', async () => {
    const parent = await aUser(t.deps.db, { role: 'parent' });
    const client = new TestClient(t.app);
    await client.login(parent.email, TEST_PASSWORD);
    expect((await client.get('/parent')).statusCode).toBe(200);
    const account = await client.get('/account');
    expect(account.body).toMatch(/data-qa="second-factor-status">Uit</);
    const page = await client.get('/account/second-factor');
    const secret = (/data-qa="totp-secret">([A-Z2-7 ]+)</.exec(page.body)?.[1] ?? '').replace(/ /g, '');
    expect(page.body).toContain('Met tweestapsverificatie vragen we bij het aanmelden ook een code');
    const done = await client.post('/account/second-factor', { code: code(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Uw herstelcodes');
    expect((await client.get('/account')).body).toContain('Aan (10 herstelcodes over)');
    expect((await client.get('/account/second-factor')).statusCode).toBe(409);

    // The enrolling code is used up (replay guard): the log-in takes the app's next code.
    t.clock.advanceMinutes(0.5);
    const { client: next, res } = await passwordStep(parent.email);
    expect(res.headers.location).toBe('/login/code');
    await next.get('/login/code');
    expect((await next.post('/login/code', { code: code(secret) })).statusCode).toBe(303);
    expect((await next.get('/parent')).statusCode).toBe(200);
  });

  it('logs in a parent without a factor at once, with the requirement on for staff', async () => {
    const parent = await aUser(t.deps.db, { role: 'parent' });
    const { res } = await passwordStep(parent.email);
    expect(res.headers.location).toBe('/account/home');
  });
});

describe('second factor when not required for staff (the test default)', () => {
  it('lets staff without a factor in with the password alone, and still asks enrolled staff for the code', async () => {
    const t = await buildTestApp('pglite');
    try {
      const region = await aRegion(t.deps.db);
      const municipalityId = (await aMunicipality(t.deps.db, { regionId: region.id })).id;
      const plain = await aUser(t.deps.db, { role: 'desk', municipalityId, secondFactor: false });
      const enrolled = await aUser(t.deps.db, { role: 'desk', municipalityId, secondFactor: true });
      const login = (email: string) =>
        new TestClient(t.app).post('/login', { email, password: TEST_PASSWORD }, { formPage: '/login' });
      expect((await login(plain.email)).headers.location).toBe('/account/home');
      expect((await login(enrolled.email)).headers.location).toBe('/login/code');
    } finally {
      await t.close();
    }
  });
});
