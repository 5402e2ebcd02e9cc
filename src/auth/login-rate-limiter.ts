/**
 * Slows password guessing: after a few failed sign-ins for one key (a user name, a client address)
 * further attempts are refused for a lock period that doubles with each further failure. Behind a
 * small interface so a PostgreSQL-backed limiter can share the count between server processes.
 */

export interface LoginRateDecision {
  allowed: boolean;
  /** When refused: how long until the next attempt is allowed. */
  retryAfterMs: number;
}

export interface LoginRateLimiter {
  /** May `key` try now? Call before checking the password. */
  check(key: string, now?: Date): Promise<LoginRateDecision>;
  /** Records a failed attempt. */
  fail(key: string, now?: Date): Promise<void>;
  /** A successful sign-in clears the key's failures. */
  succeed(key: string): Promise<void>;
}

export interface LoginRateLimits {
  /** Failures allowed within `windowMs` before locking. */
  freeFailures: number;
  windowMs: number;
  /** The first lock; each further failure doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

export const defaultLoginRateLimits: LoginRateLimits = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

interface KeyState {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/**
 * One process's memory; enough for `sentinela serve` on one machine.
 *
 * @example
 * const limiter = new InMemoryLoginRateLimiter();
 * if (!(await limiter.check('user:ana')).allowed) return tooManyAttempts();
 */
export class InMemoryLoginRateLimiter implements LoginRateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly limits: LoginRateLimits = defaultLoginRateLimits) {}

  async check(key: string, now: Date = new Date()): Promise<LoginRateDecision> {
    const state = this.keys.get(key);
    const t = now.getTime();
    if (!state || state.lockedUntil <= t) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs: state.lockedUntil - t };
  }

  async fail(key: string, now: Date = new Date()): Promise<void> {
    const t = now.getTime();
    let state = this.keys.get(key);
    if (!state || t - state.firstFailureAt > this.limits.windowMs) {
      state = { failures: 0, firstFailureAt: t, lockedUntil: 0 };
      this.keys.set(key, state);
    }
    state.failures++;
    const over = state.failures - this.limits.freeFailures;
    if (over > 0) {
      const lock = Math.min(this.limits.maxLockMs, this.limits.lockMs * 2 ** (over - 1));
      state.lockedUntil = t + lock;
      // Keep counting from the lock, so a patient guesser stays slowed down.
      state.firstFailureAt = t;
    }
    if (this.keys.size > 100_000) this.forgetOldest(t);
  }

  async succeed(key: string): Promise<void> {
    this.keys.delete(key);
  }

  /** Bounds memory under a flood of distinct keys: drop states whose window and lock are over. */
  private forgetOldest(t: number): void {
    for (const [key, state] of this.keys) {
      if (state.lockedUntil <= t && t - state.firstFailureAt > this.limits.windowMs) this.keys.delete(key);
    }
  }
}
