import { describe, expect, it } from 'vitest';
import {
  constantTimeEquals,
  hashPassword,
  InMemoryLoginRateLimiter,
  newSecret,
  passwordProblem,
  secretHash,
  sessionExpiry,
  storedHashCost,
  verifyPassword,
} from './index.js';

// A cheap cost keeps the test quick; the format and comparison are the same at the default cost.
const cheap = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('salts, verifies and refuses a wrong password', async () => {
    const a = await hashPassword('correct horse battery', cheap);
    const b = await hashPassword('correct horse battery', cheap);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain')).toBe(false);
    expect(storedHashCost(a)).toEqual(cheap);
  });

  it('uses the OWASP cost by default', async () => {
    const stored = await hashPassword('a default-cost password');
    expect(storedHashCost(stored)).toEqual({ logN: 17, r: 8, p: 1 });
    expect(await verifyPassword('a default-cost password', stored)).toBe(true);
  });

  it('treats compatibility forms of a character alike (NFKC)', async () => {
    const stored = await hashPassword('ﬁnancial crimes unit', cheap);
    expect(await verifyPassword('financial crimes unit', stored)).toBe(true);
  });

  it('refuses short passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('are random, prefixed and stored as SHA-256', () => {
    const s = newSecret('snt');
    expect(s).toMatch(/^snt_[A-Za-z0-9_-]{43}$/);
    expect(newSecret('snt')).not.toBe(s);
    expect(secretHash(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(constantTimeEquals(s, s)).toBe(true);
    expect(constantTimeEquals(s, `${s}x`)).toBe(false);
  });
});

describe('session expiry', () => {
  it('ends after idle time and after the absolute lifetime', () => {
    const policy = { idleMs: 1000, absoluteMs: 5000 };
    const s = { createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:04.500Z' };
    expect(sessionExpiry(s, new Date('2026-01-01T00:00:04.900Z'), policy)).toBeUndefined();
    expect(sessionExpiry(s, new Date('2026-01-01T00:00:05.600Z'), policy)).toBe('absolute');
    expect(
      sessionExpiry({ ...s, lastSeenAt: s.createdAt }, new Date('2026-01-01T00:00:01.000Z'), policy),
    ).toBe('idle');
  });
});

describe('login rate limiter', () => {
  it('locks after the free failures, doubling, and clears on success', async () => {
    const limiter = new InMemoryLoginRateLimiter({
      freeFailures: 2,
      windowMs: 60_000,
      lockMs: 1000,
      maxLockMs: 4000,
    });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    await limiter.fail('user:ana', at(0));
    await limiter.fail('user:ana', at(1));
    expect((await limiter.check('user:ana', at(2))).allowed).toBe(true);
    await limiter.fail('user:ana', at(3));
    expect(await limiter.check('user:ana', at(4))).toEqual({ allowed: false, retryAfterMs: 999 });
    expect((await limiter.check('user:ana', at(1004))).allowed).toBe(true);
    await limiter.fail('user:ana', at(1004));
    expect((await limiter.check('user:ana', at(2500))).allowed).toBe(false);
    expect((await limiter.check('user:bo', at(2500))).allowed).toBe(true);
    await limiter.succeed('user:ana');
    expect((await limiter.check('user:ana', at(2500))).allowed).toBe(true);
  });
});
