/**
 * Small secrets the app must read back (a second factor's TOTP secret) are stored encrypted, and
 * one-time codes (recovery codes) as a keyed hash. Both keys are derived with HKDF-SHA-256 from
 * the session secret, each under its own label, so no new key needs configuring; rotating the
 * session secret makes the stored factors unreadable (every user re-enrols, see ADR 0020).
 *
 * - cipher: `v1.<iv>.<ciphertext>.<tag>`, each part base64url: AES-256-GCM with a random 12-byte IV
 *   and a 16-byte tag, with the purpose as associated data (a cipher of one purpose is refused
 *   for another).
 * - hash: hex HMAC-SHA-256 under the derived hash key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

export type SecretBox = {
  seal(plain: string): string;
  /** The plain text, or throws when the cipher is malformed, tampered with or of another key. */
  open(cipher: string): string;
  hashOf(plain: string): string;
};

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const NAME = '[SecretBox]';

function derive(rootSecret: string, label: string): Buffer {
  if (typeof rootSecret !== 'string' || rootSecret.length < 32) {
    throw new Error('Secret box: the root secret must be at least 32 characters');
  }
  return Buffer.from(hkdfSync('sha256', rootSecret, 'loket-kinderopvang', label, 32));
}

function decodePart(part: string | undefined, expectedBytes?: number): Buffer {
  const bytes = Buffer.from(part ?? '', 'base64url');
  if (
    part === undefined ||
    bytes.toString('base64url') !== part ||
    (expectedBytes !== undefined && bytes.length !== expectedBytes)
  ) {
    throw new Error('Secret box: malformed cipher');
  }
  return bytes;
}

/** A box for one purpose (e.g. 'totp-secret'); the purpose separates keys and ciphers. */
export function createSecretBox(rootSecret: string, purpose: string): SecretBox {
  const encryptionKey = derive(rootSecret, `${purpose}:encrypt`);
  const hashKey = derive(rootSecret, `${purpose}:hash`);
  const aad = Buffer.from(`secret-box:${purpose}:${VERSION}`);
  const box = {
    seal(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open(text: string): string {
      const parts = typeof text === 'string' ? text.split('.') : [];
      if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Secret box: malformed cipher');
      const iv = decodePart(parts[1], IV_BYTES);
      const ciphertext = decodePart(parts[2]);
      const tag = decodePart(parts[3], TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('Secret box: cipher was tampered with or made with another key');
      }
    },
    hashOf: (plain: string): string => createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex'),
    toString: () => NAME,
    toJSON: () => NAME,
    [inspect.custom]: () => NAME,
  };
  return Object.freeze(box);
}
