/**
 * Password hashing with scrypt (node:crypto): a random salt per password, the cost stored beside
 * the hash so it can be raised later, and a constant-time comparison. Default cost follows OWASP's
 * scrypt recommendation (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred milliseconds per check),
 * which is what makes a stolen database slow to attack.
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  logN: number;
  r: number;
  p: number;
}

export const defaultScryptCost: ScryptCost = { logN: 17, r: 8, p: 1 };

export const minPasswordLength = 12;
export const maxPasswordLength = 1024;

const keyLength = 32;

function scryptAsync(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password.normalize('NFKC')].length;
  if (length < minPasswordLength) return `a password needs at least ${minPasswordLength} characters`;
  if (length > maxPasswordLength) return `a password may have at most ${maxPasswordLength} characters`;
  return undefined;
}

/**
 * @example
 * const stored = await hashPassword('correct horse battery');  // 'scrypt$17$8$1$<salt>$<hash>'
 * await verifyPassword('correct horse battery', stored);        // true
 */
export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parses the cost out of a stored hash; undefined when it is not one of ours. */
export function storedHashCost(stored: string): ScryptCost | undefined {
  const [scheme, logN, r, p] = stored.split('$');
  if (scheme !== 'scrypt') return undefined;
  const cost = { logN: Number(logN), r: Number(r), p: Number(p) };
  return Object.values(cost).every((n) => Number.isInteger(n) && n > 0) && cost.logN <= 22 ? cost : undefined;
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const cost = storedHashCost(stored);
  const parts = stored.split('$');
  if (!cost || parts.length !== 6) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length !== keyLength) return false;
  const actual = await scryptAsync(password, salt, cost);
  return timingSafeEqual(actual, expected);
}
