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

/** A path segment as our own links write it: a UUID, or a lowercase slug, file name or date. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PLAIN_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,99}$/;
/** Nine digits or more outside a UUID may be a phone or national number, however punctuated. */
const MAX_DIGITS = 8;

const plain = (segment: string) =>
  UUID.test(segment) || (PLAIN_SEGMENT.test(segment) && (segment.match(/\d/g) ?? []).length <= MAX_DIGITS);

/**
 * The request's path as the log may hold it: without the query string, and with every segment
 * that is not shaped like one of our own (UUIDs, lowercase slugs, dates) replaced, since a visitor
 * can put anything in a path — an e-mail address, a name, a national number.
 */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment === '' || plain(segment) ? segment : REDACTED))
    .join('/');
}

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
      req: (req) => ({ method: req.method, url: loggablePath(req.url), id: req.id }),
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
