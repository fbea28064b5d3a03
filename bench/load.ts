/** One autocannon run over loopback, with exact percentiles from every response time. */
import os from 'node:os';
import autocannon, { type Client, type RequestSpec, type Result } from 'autocannon';

/**
 * One request of a sequence that a connection walks through in order, again and again
 * (autocannon's `requests`). `check` says whether the answer is the expected one; it may keep
 * what the next requests need in `context`, which autocannon empties at the start of each walk.
 */
export type SequenceStep = Omit<RequestSpec, 'onResponse'> & {
  check: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string | string[]>,
  ) => boolean;
};

export type LoadResult = {
  connections: number;
  requests: number;
  /** Answers with the expected status (a sequence: answers its step's check accepted). */
  ok: number;
  /** Unexpected statuses, connection errors and time-outs. */
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** 1-minute load average of the machine when the run started. */
  load: number;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function runLoad(options: {
  baseUrl: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration: number;
  amount?: number;
  /** The status that counts as ok, for `path` and `request`. */
  expectStatus?: number;
  /** A fixed GET with these headers, or a request spec built per request… */
  path?: string;
  headers?: Record<string, string>;
  request?: RequestSpec;
  /** …or, for connection number 0, 1, 2…, the sequence that connection walks through. */
  sequence?: (connection: number) => SequenceStep[];
}): Promise<LoadResult> {
  const sequence = options.sequence;
  if (!sequence && options.expectStatus === undefined) throw new Error('runLoad: no expected status');
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let checked = 0;
  let connection = 0;
  const setupClient = (client: Client) => {
    if (!sequence) return;
    client.setRequests(
      sequence(connection++).map(({ check, ...spec }) => ({
        ...spec,
        onResponse: (status, body, context, headers) => {
          if (check(status, body, context, headers)) checked += 1;
        },
      })),
    );
  };
  const load = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.duration,
        ...(options.amount !== undefined ? { amount: options.amount } : {}),
        timeout: 30,
        headers: options.headers ?? {},
        // A sequence replaces this placeholder in setupClient, before the connection opens.
        requests: [options.request ?? { method: 'GET', path: options.path ?? '/' }],
        setupClient,
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const ok = sequence ? checked : (statuses[options.expectStatus ?? 200] ?? 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    connections: options.connections,
    requests: times.length,
    ok,
    errors: times.length - ok + result.errors,
    statuses,
    seconds: round(seconds),
    rps: round(times.length / seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? Number.NaN),
    load: round(load),
  };
}
