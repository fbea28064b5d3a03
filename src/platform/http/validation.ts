import type { FastifyInstance } from 'fastify';

/**
 * Input checks that hold for every route, done once at the edge so that no module can forget
 * them (ADR 0007): a form, query or path value never carries a control character or a broken
 * UTF-16 string, and a path parameter that names a record (`:id`, `:requestId`, …) is a UUID.
 * A module's own schema then checks meaning (dates, choices, lengths). What still reaches the
 * database malformed is answered 400 by the error handler (see `isInvalidInputError`).
 */

/**
 * Whether a text holds a control character (C0 or DEL). A form's text may hold tab, line feed and
 * carriage return (a textarea); a URL's path or query none at all (CR/LF in a `back` value, say).
 */
function hasControlCharacter(value: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x7f) return true;
    if (code >= 0x20) continue;
    if (allowLineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    return true;
  }
  return false;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter naming a record: `id` or `…Id`. */
export function isIdParameter(name: string): boolean {
  return name === 'id' || /[a-z]Id$/.test(name);
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Thrown for input refused at the edge; the error handler answers 400 in the user's language. */
export class InvalidInputError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly where: 'body' | 'query' | 'params',
    readonly field: string,
  ) {
    // Names the field, never its value.
    super(`Invalid input in ${where}.${field}`);
  }
}

/** Thrown for a path id that cannot name a record: answered 404, as a record that does not exist. */
export class MalformedIdError extends Error {
  readonly statusCode = 404;
  constructor(readonly field: string) {
    super(`Malformed id in params.${field}`);
  }
}

type Place = 'text' | 'url';

function isCleanString(value: string, place: Place): boolean {
  return value.isWellFormed() && !hasControlCharacter(value, place === 'text');
}

/** The first field of a parsed body, query or params object whose value is not clean. */
function firstUnclean(values: unknown, place: Place): string | undefined {
  if (!values || typeof values !== 'object') return undefined;
  for (const [key, value] of Object.entries(values)) {
    if (!isCleanString(key, place)) return '(name)';
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'string' && !isCleanString(item, place)) return key;
    }
  }
  return undefined;
}

export function registerEdgeValidation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(params)) {
      if (typeof value !== 'string') continue;
      if (!isCleanString(value, 'url')) throw new InvalidInputError('params', name);
      if (isIdParameter(name) && !isUuid(value)) throw new MalformedIdError(name);
    }
    const inQuery = firstUnclean(request.query, 'url');
    if (inQuery) throw new InvalidInputError('query', inQuery);
    // A multipart body (photo upload) arrives parsed too: its text fields are checked, its file not.
    const inBody = firstUnclean(request.body, 'text');
    if (inBody) throw new InvalidInputError('body', inBody);
  });
}
