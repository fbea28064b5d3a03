import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): ≈25 ms to hash on this hardware.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a dummy hash when there is none (unknown address,
 * account without password), so that the answer takes as long either way and the time of a
 * log-in does not reveal which addresses have an account. Without a stored hash it is never true.
 */
export async function verifyPasswordInConstantTime(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(passwordHash ?? (await dummyHash), password);
  return ok && Boolean(passwordHash);
}
