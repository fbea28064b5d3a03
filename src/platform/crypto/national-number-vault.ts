/**
 * The national number may only be stored encrypted, with a keyed hash next to it to find
 * duplicates. It is never stored or logged in plain text.
 *
 * - cipher: `v1.<iv>.<ciphertext>.<tag>`, each part base64url: AES-256-GCM with a random 12-byte
 *   IV and a 16-byte tag, over the 11 digits.
 * - hash: hex HMAC-SHA-256 of the 11 digits under a separate key; deterministic, so equal numbers
 *   have equal hashes, but without the key it cannot be computed from a guessed number.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import type { NationalNumber } from '../../shared/national-number.ts';

export type NationalNumberVault = {
  protect(n: NationalNumber): { cipher: string; hash: string };
  reveal(cipher: string): NationalNumber;
  hashOf(n: NationalNumber): string;
};

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
/** Binds the ciphertext to its purpose and format version. */
const AAD = Buffer.from('national-number-vault:v1');
const ELEVEN_DIGITS = /^\d{11}$/;
const NAME = '[NationalNumberVault]';

function checkKey(key: unknown, name: string): Buffer {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(`National number vault: ${name} must be exactly ${KEY_BYTES} bytes`);
  }
  return Buffer.from(key); // a copy: later changes to the caller's buffer do not reach the vault
}

function checkDigits(n: string): void {
  if (typeof n !== 'string' || !ELEVEN_DIGITS.test(n)) {
    throw new Error('National number vault: not a national number (11 digits expected)');
  }
}

/** Strict base64url: only the canonical encoding of the bytes is accepted. */
function decodePart(part: string | undefined, expectedBytes?: number): Buffer {
  const bytes = Buffer.from(part ?? '', 'base64url');
  if (
    part === undefined ||
    bytes.toString('base64url') !== part ||
    (expectedBytes !== undefined && bytes.length !== expectedBytes)
  ) {
    throw new Error('National number vault: malformed cipher');
  }
  return bytes;
}

export function createNationalNumberVault(keys: {
  encryptionKey: Buffer;
  hashKey: Buffer;
}): NationalNumberVault {
  const encryptionKey = checkKey(keys.encryptionKey, 'encryptionKey');
  const hashKey = checkKey(keys.hashKey, 'hashKey');
  if (timingSafeEqual(encryptionKey, hashKey)) {
    throw new Error('National number vault: encryptionKey and hashKey must be different keys');
  }

  const hashOf = (n: NationalNumber): string => {
    checkDigits(n);
    return createHmac('sha256', hashKey).update(n, 'utf8').digest('hex');
  };

  const vault = {
    protect(n: NationalNumber): { cipher: string; hash: string } {
      checkDigits(n);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(n, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      const encoded = [iv, ciphertext, tag].map((bytes) => bytes.toString('base64url'));
      return { cipher: [VERSION, ...encoded].join('.'), hash: hashOf(n) };
    },

    reveal(text: string): NationalNumber {
      if (typeof text !== 'string') throw new Error('National number vault: malformed cipher');
      const parts = text.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new Error('National number vault: malformed cipher or unknown version');
      }
      const iv = decodePart(parts[1], IV_BYTES);
      const ciphertext = decodePart(parts[2]);
      const tag = decodePart(parts[3], TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(AAD);
      decipher.setAuthTag(tag);
      let plain: string;
      try {
        plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('National number vault: cipher was tampered with or made with another key');
      }
      checkDigits(plain);
      return plain as NationalNumber;
    },

    hashOf,

    toString: () => NAME,
    toJSON: () => NAME,
    [inspect.custom]: () => NAME,
  };
  return Object.freeze(vault);
}
