/** Whether a write failed on this unique constraint (PGlite and node-postgres report it alike). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const name = e.constraint ?? e.cause?.constraint;
  return code === '23505' && name === constraint;
}

/** The SQLSTATE of a database error, also when a driver or Drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether the database refused a value itself rather than failed: a data exception (class 22:
 * text that is no UUID or date, a number out of range, a NUL byte, a text too long) or a value too
 * large to index (54000). Input that slipped past a form's schema; answered 400, never 500.
 */
export function isInvalidInputError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state === '54000');
}

/**
 * Whether the database could not be reached rather than refused something: a lost or refused
 * connection (SQLSTATE class 08), the server shutting down or ending the session (57P01–57P03, and
 * 57P05 when the session idled past idle_session_timeout), too
 * many connections (53300), a database not accepting connections, or the driver's own connection
 * errors (no SQLSTATE: a terminated connection, a refused socket, a connect timeout).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (state.startsWith('08') || /^57P0[1235]$/.test(state) || state === '53300')) return true;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code)) return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|not currently accepting connections|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
        message,
      )
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What a log may say about an error: its kind, codes and names, never a value it carries. */
export type LoggableError = {
  type: string;
  message?: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
  stack?: string;
};

/**
 * An error as the logs may hold it. A database error's message and detail quote the values
 * ("invalid input syntax for type uuid: "…"", "Key (email)=(…)") and a Drizzle error's message
 * lists the statement's parameters (names, addresses, national number ciphers, password hashes):
 * of those only the SQLSTATE, the constraint, table and column names and the statement without
 * its parameters are kept. Other errors are our own (messages name ids and fields, not values).
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error };
  const chain: Record<string, unknown>[] = [];
  for (
    let e: unknown = error;
    e && typeof e === 'object' && chain.length < 5;
    e = (e as { cause?: unknown }).cause
  )
    chain.push(e as Record<string, unknown>);
  const database = chain.find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  const failedQuery = /^Failed query: ([\s\S]*?)\nparams:/.exec(error.message)?.[1];
  const isDatabaseError = database !== undefined || failedQuery !== undefined;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const out: LoggableError = { type: error.name };
  if (isDatabaseError) {
    out.sqlState = text(database?.code);
    out.constraint = text(database?.constraint);
    out.table = text(database?.table);
    out.column = text(database?.column);
    if (failedQuery) out.query = failedQuery.slice(0, 500);
  } else {
    out.message = error.message;
  }
  // The stack's first line repeats the message: only the frames are kept.
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = frames.slice(0, 15).join('\n');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as LoggableError;
}
