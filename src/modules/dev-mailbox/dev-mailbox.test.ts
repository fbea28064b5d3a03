import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

describe.each(BACKENDS)('development mailbox (%s)', (backend) => {
  let testApp: TestApp | undefined;
  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  async function appWithOneMail(): Promise<{ app: TestApp; id: number }> {
    const app = await buildTestApp(backend);
    testApp = app;
    await app.deps.db.transaction((tx) =>
      enqueueMail(tx, app.clock, {
        to: 'ouder@example.be',
        language: 'fr',
        template: 'request.submitted',
        subject: 'Demande reçue pour Léa',
        text: 'Bonjour,\n\nNous avons bien reçu votre demande pour Léa.',
        html: '<!doctype html><html lang="fr"><body style="color: #1a1a1a"><p>Nous avons bien reçu votre demande.</p></body></html>',
      }),
    );
    const [row] = await app.deps.db.select({ id: schema.outbox.id }).from(schema.outbox);
    if (!row) throw new Error('mail not stored');
    return { app, id: row.id };
  }

  it('lists the outbox, newest first, with status', async () => {
    const { app, id } = await appWithOneMail();
    const res = await app.app.inject({ method: 'GET', url: '/dev/mail' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Demande reçue pour Léa');
    expect(res.body).toContain('ouder@example.be');
    expect(res.body).toContain(`href="/dev/mail/${id}"`);
    expect(res.body).toContain('Wacht op verzending');
    expect(res.body).toMatch(/<th scope="col"/);
    expect(res.body).toContain('<caption');
  });

  it('shows one mail with its headers, plain text and a link to the HTML', async () => {
    const { app, id } = await appWithOneMail();
    const res = await app.app.inject({
      method: 'GET',
      url: `/dev/mail/${id}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nous avons bien reçu votre demande pour Léa.');
    expect(res.body).toMatch(/<pre[^>]*>Bonjour,\n\nNous avons/);
    expect(res.body).toContain('Loket Kinderopvang &lt;noreply@kinderopvang.example>');
    expect(res.body).toContain('Waiting to be sent');
    expect(res.body).toContain(`href="/dev/mail/${id}/html"`);

    const html = await app.app.inject({ method: 'GET', url: `/dev/mail/${id}/html` });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<p>Nous avons bien reçu votre demande.</p>');
    expect(html.headers['content-security-policy']).toContain('sandbox');
  });

  it('answers 404 for an id that is not a number or not a mail', async () => {
    const { app } = await appWithOneMail();
    for (const url of [
      '/dev/mail/abc',
      '/dev/mail/999999',
      '/dev/mail/0',
      '/dev/mail/1e3',
      '/dev/mail/abc/html',
    ]) {
      const res = await app.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('says on every page that it is for local demos only, in the reader’s language', async () => {
    const { app, id } = await appWithOneMail();
    for (const [lang, text] of [
      ['nl', 'Alleen voor lokale demo’s'],
      ['fr', 'Uniquement pour des démonstrations locales'],
      ['en', 'For local demos only'],
    ] as const) {
      for (const url of ['/dev/mail', `/dev/mail/${id}`]) {
        const res = await app.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
        expect(res.body, `${lang} ${url}`).toContain(text);
      }
    }
  });

  it.each([
    ['in production', { NODE_ENV: 'production' }],
    ['when an SMTP server is configured', { SMTP_URL: 'smtp://mail.example:587' }],
    ['when listening on every interface', { HOST: '0.0.0.0' }],
    ['when switched off', { DEV_MAILBOX: 'off' }],
  ])('does not exist %s, and no page links to it', async (_, env) => {
    testApp = await buildTestApp(backend, { env });
    for (const url of ['/dev/mail', '/dev/mail/1', '/dev/mail/1/html']) {
      const res = await testApp.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('/dev/mail');
    }
    expect((await testApp.app.inject({ method: 'GET', url: '/login' })).body).not.toContain('/dev/mail');
  });

  it('exists with DEV_MAILBOX=on even with an SMTP server, outside production', async () => {
    testApp = await buildTestApp(backend, {
      env: { DEV_MAILBOX: 'on', SMTP_URL: 'smtp://mail.example:587' },
    });
    expect((await testApp.app.inject({ method: 'GET', url: '/dev/mail' })).statusCode).toBe(200);
  });
});
