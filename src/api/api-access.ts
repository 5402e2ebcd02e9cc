/**
 * Route guards: a route names the action it performs (`cases.disposition`, `screening.run`) and
 * this middleware answers 401 without a caller, 403 when the caller's role (and, for tokens, its
 * scopes) does not allow the action, and 403 when a browser session changes state without echoing
 * its CSRF token. The permission matrix itself belongs to the auth services.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv, ApiPrincipal } from './api-env.js';
import { csrfHeaderName } from './api-authentication.js';
import { ApiProblem } from './problem-response.js';

/** Decides whether a caller may perform an action (the auth services' permission matrix). */
export type PermissionCheck = (principal: ApiPrincipal, action: string) => boolean;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws 403 unless a session caller echoes its CSRF token; tokens are not sent by browsers, so they need none. */
export function checkCsrf(principal: ApiPrincipal, method: string, header: string | undefined): void {
  if (principal.via !== 'session' || safeMethods.has(method)) return;
  if (!header || !principal.csrfToken || !constantTimeEqual(header, principal.csrfToken))
    throw new ApiProblem(403, `a signed-in browser must send its CSRF token in the ${csrfHeaderName} header`);
}

/** The caller, or 401. */
export function requirePrincipal(principal: ApiPrincipal | undefined): ApiPrincipal {
  if (!principal)
    throw new ApiProblem(
      401,
      'sign in (POST /auth/sign-in) or send an API token as "Authorization: Bearer …"',
      {
        headers: { 'WWW-Authenticate': 'Bearer realm="sentinela"' },
      },
    );
  return principal;
}

/**
 * @example
 * createRoute({ method: 'post', path: '/cases', middleware: [requireAction(allows, 'cases.create')], … })
 */
export function requireAction(allows: PermissionCheck, action: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = requirePrincipal(c.get('principal'));
    checkCsrf(principal, c.req.method, c.req.header(csrfHeaderName));
    if (principal.mustChangePassword)
      throw new ApiProblem(
        403,
        'set a new password first (POST /auth/password): this one was for one use only',
      );
    if (!allows(principal, action)) {
      const what =
        principal.via === 'token'
          ? `role ${principal.role} with this token's scopes`
          : `role ${principal.role}`;
      throw new ApiProblem(403, `${what} may not perform ${action}`);
    }
    return next();
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
