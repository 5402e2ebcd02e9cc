/**
 * The conformance suite every store-backed LoginRateLimiter must pass: free failures, a lock that
 * doubles, keys apart, success clearing — and the count shared by two handles on the same stores.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginRateLimiter } from '../auth/index.js';

export interface LoginRateLimiterImplementation {
  name: string;
  open(): Promise<{ loginLimiter: LoginRateLimiter; close(): Promise<void> }>;
}

const t0 = Date.parse('2026-12-01T22:00:00Z');
const at = (ms: number) => new Date(t0 + ms);

/**
 * @example
 * for (const impl of storeImplementations()) runLoginRateLimiterConformance(impl);
 */
export function runLoginRateLimiterConformance(implementation: LoginRateLimiterImplementation): void {
  describe(`${implementation.name} LoginRateLimiter (conformance)`, () => {
    let opened: { loginLimiter: LoginRateLimiter; close(): Promise<void> } | undefined;
    const open = async (): Promise<LoginRateLimiter> => {
      opened = await implementation.open();
      return opened.loginLimiter;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('allows the free failures, then locks with a doubling lock; keys are apart; success clears', async () => {
      const limiter = await open();
      for (let i = 0; i < 5; i++) {
        expect((await limiter.check('user:ana', at(i))).allowed).toBe(true);
        await limiter.fail('user:ana', at(i));
      }
      await limiter.fail('user:ana', at(10));
      expect(await limiter.check('user:ana', at(20))).toEqual({ allowed: false, retryAfterMs: 29_990 });
      expect((await limiter.check('user:bo', at(20))).allowed).toBe(true);
      expect((await limiter.check('user:ana', at(30_010))).allowed).toBe(true);
      await limiter.fail('user:ana', at(30_010));
      expect(await limiter.check('user:ana', at(30_010))).toEqual({ allowed: false, retryAfterMs: 60_000 });
      await limiter.succeed('user:ana');
      expect((await limiter.check('user:ana', at(30_020))).allowed).toBe(true);
    });

    it('starts afresh after a quiet window', async () => {
      const limiter = await open();
      for (let i = 0; i < 5; i++) await limiter.fail('client:10.0.0.1', at(i));
      await limiter.fail('client:10.0.0.1', at(16 * 60_000));
      expect((await limiter.check('client:10.0.0.1', at(16 * 60_000))).allowed).toBe(true);
    });
  });
}
