import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { pingDatabase } from './health.queries.ts';

/** How long the readiness check waits for the database before it answers "not ready". */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * The endpoints a load balancer or orchestrator polls (docs/deployment.md):
 * - `GET /health/live`: the process answers HTTP (no database involved); restart it when this fails.
 * - `GET /health/ready`: it can serve pages: the database answers within 2 s and the process is not
 *   shutting down; send it no traffic while this answers 503.
 * Plain text, no session, never cached; they say nothing about the data.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const config = { config: { action: 'public.health' as const } };
  app.get('/health/live', config, async (_request, reply) => reply.type('text/plain').send('live\n'));
  app.get('/health/ready', config, async (_request, reply) => {
    if (app.lifecycle.draining) return reply.code(503).type('text/plain').send('shutting down\n');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DATABASE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([pingDatabase(deps.db).then(() => 'ok' as const), timeout]);
      if (outcome === 'ok') return reply.type('text/plain').send('ready\n');
      return reply.code(503).type('text/plain').send('database not answering\n');
    } catch {
      return reply.code(503).type('text/plain').send('database unavailable\n');
    } finally {
      clearTimeout(timer);
    }
  });
}
