/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  export type RequestSpec = Request & {
    /** Returning a falsy value makes the connection start again at the first request. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined;
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void;
  };
  /** One connection (documented as the Client API). */
  export type Client = EventEmitter & {
    /** Replaces the sequence of requests this connection loops over. */
    setRequests(requests: RequestSpec[]): void;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
    initialContext?: Record<string, unknown>;
    /** Called with each connection before it connects. */
    setupClient?: (client: Client) => void;
  };
  export type Result = {
    errors: number;
    timeouts: number;
    duration: number;
    start: Date;
    finish: Date;
  };
  export type Instance = EventEmitter & { stop(): void };
  export default function autocannon(
    options: Options,
    callback: (error: Error | null, result: Result) => void,
  ): Instance;
}
