/** One autocannon run over loopback, with exact percentiles from every response time. */
import os from 'node:os';
import autocannon, { type RequestSpec, type Result } from 'autocannon';

export type LoadResult = {
  connections: number;
  requests: number;
  /** Answers with the expected status. */
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
  expectStatus: number;
  /** A fixed GET with these headers, or a request spec built per request. */
  path?: string;
  headers?: Record<string, string>;
  request?: RequestSpec;
}): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
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
        requests: [options.request ?? { method: 'GET', path: options.path ?? '/' }],
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
  const ok = statuses[options.expectStatus] ?? 0;
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
