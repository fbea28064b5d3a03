import type { FastifyServerOptions } from 'fastify';
import { loggableError } from '../db/errors.ts';

/**
 * The request log's policy: logs carry ids, routes, status codes and error kinds, never a personal
 * value. Three layers, so that one forgotten call does not leak:
 * - the request is logged as method, path (no query string) and request id; bodies never;
 * - every `err` goes through `loggableError` (a database error's message quotes the statement's
 *   parameters: names, addresses, the national number's cipher and keyed hash, password hashes);
 * - keys that name a personal value are censored wherever a log call passes them, at the top level
 *   or one object down (`{ email }`, `{ parent: { firstName } }`).
 * The tests write this log for every test app and search it for the values their databases hold
 * (test/log-canaries.ts).
 */

/** Field names whose value is personal or secret, censored in any log line. */
export const PERSONAL_LOG_KEYS = [
  'email',
  'toAddress',
  'password',
  'passwordHash',
  'displayName',
  'firstName',
  'lastName',
  'phone',
  'street',
  'nationalNumber',
  'nationalNumberCipher',
  'nationalNumberHash',
  'token',
  'cookie',
  'authorization',
] as const;

export const REDACTED = '[redacted]';

type LogStream = { write(line: string): void };

/** The logger options of the app (production and tests alike); `stream` replaces stdout. */
export function loggerOptions(options: {
  level: string;
  stream?: LogStream;
}): FastifyServerOptions['logger'] {
  return {
    level: options.level,
    serializers: {
      // Never log query strings or bodies: they may carry personal data.
      req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      err: (error) => {
        const logged = loggableError(error);
        // A database error keeps no message (it quotes values): say what it is instead.
        return {
          ...logged,
          message: logged.message ?? `database error ${logged.sqlState ?? ''}`.trim(),
          stack: logged.stack ?? '',
        };
      },
    },
    redact: {
      paths: PERSONAL_LOG_KEYS.flatMap((key) => [key, `*.${key}`]),
      censor: REDACTED,
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
