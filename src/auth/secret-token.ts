/**
 * Bearer secrets (API tokens, session ids, CSRF tokens): 256 random bits, shown to their holder
 * once, stored only as a SHA-256 hash. A fast hash is right here, unlike for passwords: the secret
 * has full entropy, so there is nothing to guess, and checking a token costs microseconds per request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new secret with a readable prefix, so a leaked token is recognisable in a secret scanner.
 *
 * @example
 * newSecret('snt'); // 'snt_k3J…' (43 base64url characters after the prefix)
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** A short random public id (for listing and revoking without revealing the secret). */
export function newPublicId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** The stored form of a secret. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time equality of two strings (different lengths are unequal without a timing hint on content). */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
