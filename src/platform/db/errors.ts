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
