/**
 * Applies a `RateLimiter` to a route: the key is the caller (user and token) when known, else the
 * client address, and a refused request gets 429 with `Retry-After`.
 */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ApiEnv } from './api-env.js';
import { ApiProblem } from './problem-response.js';
import type { RateLimiter } from './rate-limiter.js';

/** The client's address, or `local` when the request did not come over a socket (tests). */
export function clientAddress(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * @example
 * middleware: [requireAction(allows, 'screening.run'), rateLimited(screeningLimiter, 'screening')]
 */
export function rateLimited(limiter: RateLimiter | undefined, what: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!limiter) return next();
    const principal = c.get('principal');
    const key = principal ? `${principal.name}/${principal.tokenId ?? 'session'}` : clientAddress(c);
    const decision = limiter.take(key);
    if (!decision.allowed) {
      throw new ApiProblem(429, `too many ${what} requests; retry after ${decision.retryAfterSeconds} s`, {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    return next();
  };
}
