/**
 * One log line per request on stderr with only the method, the route *pattern* (`/cases/:id`, never
 * the path with its ids or query string), the status and the duration — no names, no bodies, no
 * tokens, so the log holds no personal data or secrets.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

export type RequestLogSink = (line: string) => void;

/** The matched route pattern, or `-` when no route matched (a 404). */
export function routePattern(c: Parameters<MiddlewareHandler>[0]): string {
  const pattern = routePath(c, -1);
  return pattern && pattern !== '*' && pattern !== '/*' ? pattern : '-';
}

/**
 * @example
 * app.use('*', requestLog((line) => process.stderr.write(`${line}\n`)));
 * // 2026-12-01T21:50:00.000Z POST /screen 200 1.8ms
 */
export function requestLog(sink: RequestLogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    sink(`${new Date().toISOString()} ${c.req.method} ${routePattern(c)} ${c.res.status} ${ms.toFixed(1)}ms`);
  };
}
