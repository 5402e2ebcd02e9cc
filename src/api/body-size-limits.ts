/**
 * Body-size limits: one for ordinary JSON, a larger one for batches (`/screen/batch`, yente's
 * `/match/{dataset}`), and the evidence limit for files attached to cases. A body past its limit
 * is refused with 413 before it is read whole, whether or not it declares its length.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiOptions } from './api-options.js';
import { problemResponse } from './problem-response.js';

/** The limit for a request path (the table `docs/api.md` repeats). */
export function bodyLimitFor(path: string, options: ApiOptions): number {
  if (path === '/screen/batch' || path.startsWith('/match/')) return options.maxBatchBytes;
  if (/^\/cases\/[^/]+\/evidence$/.test(path)) return options.maxEvidenceBytes;
  return options.maxJsonBytes;
}

/**
 * @example
 * app.use('*', bodySizeLimits(options));
 */
export function bodySizeLimits(options: ApiOptions): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  const limiterFor = (maxSize: number): MiddlewareHandler => {
    let limiter = limiters.get(maxSize);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize,
        onError: (c) =>
          problemResponse(c, 413, `the body is larger than this route accepts (${maxSize} bytes)`),
      });
      limiters.set(maxSize, limiter);
    }
    return limiter;
  };
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limiterFor(bodyLimitFor(c.req.path, options))(c, next);
  };
}
