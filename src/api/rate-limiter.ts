/**
 * Token buckets per key (a user, a token, a client address): each key may spend `burst` requests
 * at once and earns `perSecond` back, so steady use passes and floods are refused with the time
 * to wait. In memory: limits protect one server process, which is what `serve` runs.
 */

export interface RateLimit {
  /** Requests earned back per second. */
  perSecond: number;
  /** Requests that may be spent at once. */
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Keys idle this long are forgotten, so the map does not grow with every client ever seen. */
const idleMs = 10 * 60_000;

/**
 * @example
 * const limiter = new RateLimiter({ perSecond: 1, burst: 5 });
 * limiter.take('alice').allowed; // true five times in a row, then false until a second passes
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweepMs = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, updatedMs: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.limit.perSecond,
    );
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const waitSeconds = (1 - bucket.tokens) / this.limit.perSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweepMs < idleMs) return;
    this.lastSweepMs = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedMs > idleMs) this.buckets.delete(key);
  }
}
