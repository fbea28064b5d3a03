import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time tokens sent by mail. The link carries 256 random bits; `user_tokens` stores only their
 * SHA-256, so a copy of the database cannot be turned into working links.
 */
export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email' | 'register';

const HOUR_MS = 3_600_000;

/** How long a mailed link works. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * HOUR_MS,
  reset_password: HOUR_MS,
  change_email: 24 * HOUR_MS,
  /** A registration waiting for its address (pending_registrations, not user_tokens). */
  register: 48 * HOUR_MS,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** What a link is worth now: only `valid` may be used; the others get their own page. */
export type TokenState = 'valid' | 'used' | 'expired' | 'invalid';

export function tokenState(
  row: { purpose: string; usedAt: Date | null; expiresAt: Date } | undefined,
  purpose: TokenPurpose,
  now: Date,
): TokenState {
  if (!row || row.purpose !== purpose) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** A token from a query string or form: at most a sane length, else nothing. */
export function tokenParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
