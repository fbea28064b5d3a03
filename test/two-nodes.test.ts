import { describe, expect, it } from 'vitest';
import { aUser, TEST_PASSWORD } from './builders.ts';
import { createTestDatabase } from './db.ts';
import { startAppProcess } from './faults/app-process.ts';
import { Browser, httpTransport, logIn, type Transport } from './faults/filing.ts';
import { startSmtp } from './smtp.ts';

/** The log-in form takes 20 attempts a minute per client address (accounts.routes.tsx). */
const LOGIN_LIMIT = 20;

/** Requests as a proxy in front of both nodes sends them: the client's address in X-Forwarded-For. */
const viaProxy =
  (transport: Transport, client: string): Transport =>
  (request) =>
    transport({ ...request, headers: { ...request.headers, 'x-forwarded-for': client } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two app processes (the built server, as `docs/deployment.md` runs them behind a load balancer) on
 * one PostgreSQL database, each with its own job system and the same SMTP server: a session made
 * on one works on the other, a mail is sent once, the log-in limit counts both together, and a node told to
 * stop leaves the load balancer's rotation before it closes.
 * PostgreSQL only: the embedded database lives inside one process.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('two app processes on one PostgreSQL database', () => {
  it('share sessions, send each mail once, hold the log-in limit across both, and drain on stop', async () => {
    const database = await createTestDatabase('postgres');
    const smtp = await startSmtp();
    const user = await aUser(database.db, { role: 'parent' });
    const env = { JOBS: 'true', SMTP_URL: smtp.url, TRUST_PROXY: '127.0.0.1', SHUTDOWN_DRAIN_SECONDS: '3' };
    const target = { url: database.url as string };
    const nodes = [
      await startAppProcess(target, undefined, env),
      await startAppProcess(target, undefined, env),
    ];
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    try {
      for (const node of nodes) expect((await fetch(`${node.baseUrl}/health/ready`)).status).toBe(200);

      // Logged in on A, the same browser goes on on B, logs out there, and A no longer knows it.
      const onA = viaProxy(httpTransport(a.baseUrl), '198.51.100.1');
      const onB = viaProxy(httpTransport(b.baseUrl), '198.51.100.1');
      const browser = new Browser(onA, 'nl');
      await logIn(browser, user.email, TEST_PASSWORD);
      browser.transport = onB;
      const home = await browser.send('GET', '/parent');
      expect(home.status).toBe(200);
      expect(home.body).toContain('action="/logout"');
      expect((await browser.send('POST', '/logout', {})).status).toBe(303);
      browser.transport = onA;
      const after = await browser.send('GET', '/parent');
      expect(after.status).toBe(303);
      expect(after.location).toMatch(/^\/login/);

      // A password reset asked on B: both job systems deliver mail, the mail arrives once.
      const visitor = new Browser(onB, 'nl');
      await visitor.send('GET', '/forgot-password');
      expect((await visitor.send('POST', '/forgot-password', { email: user.email })).status).toBe(200);
      const deadline = Date.now() + 60_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await sleep(200);
      // Both nodes poll every 2 s; a second delivery would come within a few polls.
      await sleep(6_000);
      const resets = smtp.received.filter((mail) => mail.text?.includes('/reset-password'));
      expect(resets).toHaveLength(1);

      // One client's attempts, spread over both nodes, count together; another client is unaffected.
      const client = new Browser(viaProxy(httpTransport(a.baseUrl), '203.0.113.5'), 'nl');
      const transports = [client.transport, viaProxy(httpTransport(b.baseUrl), '203.0.113.5')];
      await client.send('GET', '/login');
      for (let i = 0; i < LOGIN_LIMIT; i++) {
        client.transport = transports[i % 2] as Transport;
        const answer = await client.send('POST', '/login', { email: user.email, password: `wrong-${i}` });
        expect(answer.status, `attempt ${i + 1}`).toBe(400);
      }
      for (const transport of transports) {
        client.transport = transport;
        const refused = await client.send('POST', '/login', { email: user.email, password: TEST_PASSWORD });
        expect(refused.status).toBe(429);
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      }
      const other = new Browser(viaProxy(httpTransport(b.baseUrl), '203.0.113.6'), 'nl');
      await other.send('GET', '/login');
      expect((await other.send('POST', '/login', { email: user.email, password: 'wrong' })).status).toBe(400);

      // B is told to stop: it reports "not ready" at once and serves on through the drain, then exits;
      // A stays ready.
      const stopping = b.stop();
      let ready = await fetch(`${b.baseUrl}/health/ready`);
      for (let i = 0; i < 20 && ready.status === 200; i++) {
        await sleep(50);
        ready = await fetch(`${b.baseUrl}/health/ready`);
      }
      expect(ready.status).toBe(503);
      expect((await fetch(`${b.baseUrl}/`)).status).toBe(200);
      expect((await fetch(`${a.baseUrl}/health/ready`)).status).toBe(200);
      await stopping;
      await expect(fetch(`${b.baseUrl}/health/live`)).rejects.toThrow();
    } finally {
      for (const node of nodes) await node.stop();
      await smtp.close();
      await database.close();
    }
  }, 180_000);
});
