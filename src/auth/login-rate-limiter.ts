/**
 * Slows password guessing: after a few failed sign-ins for one key (a user name, a client address)
 * further attempts are refused for a lock period that doubles with each further failure. Behind a
 * small interface so a store-backed limiter (`store/sqlite/sqlite-login-rate-limiter.ts`) can share
 * the count between server processes.
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

/** What is remembered about one key. */
export interface LoginFailureState {
  failures: number;
  /** Epoch milliseconds. */
  firstFailureAt: number;
  lockedUntil: number;
}

/** The decision for a key in `state` (undefined: nothing remembered) at time `t` (epoch ms). */
export function loginDecision(state: LoginFailureState | undefined, t: number): LoginRateDecision {
  if (!state || state.lockedUntil <= t) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: state.lockedUntil - t };
}

/**
 * The state after one more failure at `t`: failures past the free ones lock the key, the lock
 * doubling with each further failure; a window without failures starts the count afresh. Shared by
 * every limiter implementation so they all count alike.
 */
export function afterLoginFailure(
  state: LoginFailureState | undefined,
  t: number,
  limits: LoginRateLimits,
): LoginFailureState {
  const next =
    !state || t - state.firstFailureAt > limits.windowMs
      ? { failures: 0, firstFailureAt: t, lockedUntil: 0 }
      : { ...state };
  next.failures++;
  const over = next.failures - limits.freeFailures;
  if (over > 0) {
    next.lockedUntil = t + Math.min(limits.maxLockMs, limits.lockMs * 2 ** (over - 1));
    // Keep counting from the lock, so a patient guesser stays slowed down.
    next.firstFailureAt = t;
  }
  return next;
}

/**
 * One process's memory; enough for `sentinela serve` on one machine.
 *
 * @example
 * const limiter = new InMemoryLoginRateLimiter();
 * if (!(await limiter.check('user:ana')).allowed) return tooManyAttempts();
 */
export class InMemoryLoginRateLimiter implements LoginRateLimiter {
  private readonly keys = new Map<string, LoginFailureState>();

  constructor(private readonly limits: LoginRateLimits = defaultLoginRateLimits) {}

  async check(key: string, now: Date = new Date()): Promise<LoginRateDecision> {
    return loginDecision(this.keys.get(key), now.getTime());
  }

  async fail(key: string, now: Date = new Date()): Promise<void> {
    const t = now.getTime();
    this.keys.set(key, afterLoginFailure(this.keys.get(key), t, this.limits));
    if (this.keys.size > 100_000) this.forgetStale(t);
  }

  async succeed(key: string): Promise<void> {
    this.keys.delete(key);
  }

  /** Bounds memory under a flood of distinct keys: drop states whose window and lock are over. */
  private forgetStale(t: number): void {
    for (const [key, state] of this.keys) {
      if (state.lockedUntil <= t && t - state.firstFailureAt > this.limits.windowMs) this.keys.delete(key);
    }
  }
}
