import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import {
  deleteRateLimitsBefore,
  hitRateLimit,
  type RateLimitState,
  readRateLimit,
} from './rate-limit.queries.ts';

type Callback = (error: Error | null, result?: RateLimitState) => void;
type RouteScope = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * The rate limits' store for @fastify/rate-limit: counters in PostgreSQL (rate-limit.queries.ts),
 * so that a log-in limit of 20 a minute is 20 a minute for the whole service, however many app
 * processes answer behind the load balancer. Each route counts apart; the counter's key is a hash
 * of the route and the client's address.
 */
export function postgresRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    constructor(options: RouteScope = {}) {
      const method = options.routeInfo?.method;
      this.scope = `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${options.routeInfo?.url ?? ''}`;
    }

    private keyOf(client: string): string {
      return createHash('sha256').update(`${this.scope}\n${client}`).digest('base64url');
    }

    incr(client: string, callback: Callback, timeWindow: number): void {
      hitRateLimit(db, this.keyOf(client), timeWindow).then(
        (state) => callback(null, state),
        (error: Error) => callback(error),
      );
    }

    read(client: string, callback: Callback, timeWindow: number): void {
      readRateLimit(db, this.keyOf(client), timeWindow).then(
        (state) => callback(null, state),
        (error: Error) => callback(error),
      );
    }

    // The plugin hands its merged route options, with the route under `routeInfo`.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new PostgresRateLimitStore(routeOptions as unknown as RouteScope);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** No rate-limit window is longer than this; older counters are dropped by the hourly purge. */
const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;

export function purgeRateLimits(db: Database, clock: Clock): Promise<number> {
  return deleteRateLimitsBefore(db, new Date(clock.now().getTime() - LONGEST_WINDOW_MS));
}
