/**
 * The last line of defence: any error a route did not turn into a problem itself becomes a
 * problem document without its message, stack or paths (those go to the log sink only as the
 * error's class name), and unknown routes get a 404 problem.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InputError } from '../core/index.js';
import { ServiceError } from '../services/service-error.js';
import type { ApiEnv } from './api-env.js';
import { ApiProblem, problemResponse } from './problem-response.js';

/** Messages Hono's own exceptions carry that are safe to show (they describe the request). */
function httpExceptionDetail(error: HTTPException): string {
  if (error.status === 400 && /json/i.test(error.message)) return 'the request body is not valid JSON';
  return error.message || 'the request could not be processed';
}

/** The HTTP status of each service refusal. */
const serviceStatus: Record<ServiceError['code'], ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
};

/**
 * @example
 * app.onError(apiErrorHandler((line) => process.stderr.write(`${line}\n`), ['/var/lib/sentinela.sqlite']));
 */
export function apiErrorHandler(
  log?: (line: string) => void,
  redact: readonly string[] = [],
): ErrorHandler<ApiEnv> {
  // Service messages may name the store's file ("no lists in the store at …"): never show a server path.
  const clean = (text: string) =>
    redact.reduce(
      (t, secret) => (secret && secret !== ':memory:' ? t.split(secret).join('the store') : t),
      text,
    );
  return (error, c) => {
    if (error instanceof ApiProblem)
      return problemResponse(c, error.status, clean(error.detail), error.extra);
    if (error instanceof ServiceError) {
      const headers: Record<string, string> =
        error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
      const errors = error.field ? [{ field: error.field, message: clean(error.message) }] : undefined;
      return problemResponse(c, serviceStatus[error.code], clean(error.message), {
        headers,
        ...(errors ? { errors } : {}),
      });
    }
    // Bad input found by a service: its reason and field, never the file path it may also carry.
    if (error instanceof InputError) {
      const field = error.field ? [{ field: error.field, message: clean(error.reason) }] : undefined;
      return problemResponse(c, 400, clean(error.reason), field ? { errors: field } : {});
    }
    if (error instanceof HTTPException)
      return problemResponse(c, error.status as ContentfulStatusCode, httpExceptionDetail(error));
    // The class and where it was thrown, not the message: messages may quote input (names, ids).
    const frames = (error.stack ?? '')
      .split('\n')
      .slice(1, 4)
      .map((f) => f.trim());
    log?.(`${new Date().toISOString()} error ${c.req.method} ${error.name} ${frames.join(' | ')}`);
    return problemResponse(c, 500, 'internal error; the server log has the time of this request');
  };
}

export const apiNotFound: NotFoundHandler<ApiEnv> = (c) =>
  problemResponse(c, 404, `no route ${c.req.method} ${new URL(c.req.url).pathname}`);
