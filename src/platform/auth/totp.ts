/**
 * TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 — what every authenticator
 * app reads from an otpauth:// URI. Time comes from the caller (the app's clock), never Date.now.
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { createSecretBox, type SecretBox } from '../crypto/secret-box.ts';

const ISSUER = 'Loket Kinderopvang';
/** A code of the step before or after the current one is accepted too (clock drift). */
const TOLERANCE_SECONDS = 30;

/** A new random secret, base32 (20 bytes = 160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads (from a QR code, or pasted). */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/**
 * The URI as a QR code in SVG (qrcode), for the phone's camera; the page shows the key as text
 * too. Drawn with paths and presentation attributes only, so the content security policy (no
 * inline styles) lets it through.
 */
export async function totpQrSvg(uri: string): Promise<string> {
  // Loaded on first use (an enrolment), not held by every server.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

const epochOf = (now: Date) => Math.floor(now.getTime() / 1000);

/** The code of the secret at `now` (tests, and the demo's documentation). */
export function totpCode(secret: string, now: Date): string {
  return generateSync({ secret, epoch: epochOf(now) });
}

export function verifyTotp(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({ secret, token: code, epoch: epochOf(now), epochTolerance: TOLERANCE_SECONDS }).valid;
  } catch {
    return false;
  }
}

const STEP_SECONDS = 30;

/**
 * The time step (unix seconds / 30) whose code `code` is, within the accepted drift, or undefined
 * for a wrong code: the caller refuses a step at or before the last one used (replay guard).
 */
export function totpStepOf(secret: string, code: string, now: Date): number | undefined {
  if (!verifyTotp(secret, code, now)) return undefined;
  const step = Math.floor(epochOf(now) / STEP_SECONDS);
  for (const d of [0, -1, 1]) {
    const at = new Date((step + d) * STEP_SECONDS * 1000);
    if (generateSync({ secret, epoch: epochOf(at) }) === code) return step + d;
  }
  return undefined;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The box that seals TOTP secrets for storage, under a key derived from the session secret. */
export function totpSecretBox(sessionSecret: string): SecretBox {
  return createSecretBox(sessionSecret, 'totp-secret');
}

/** A TOTP secret sealed for `users.totp_secret_cipher` (the demo and the test builders use it too). */
export function sealTotpSecret(sessionSecret: string, secret: string): string {
  return totpSecretBox(sessionSecret).seal(secret);
}
