/**
 * Who is calling: a bearer API token (`Authorization: Bearer …`) or the session cookie a browser
 * got at sign-in. The lookups are the auth services'; this middleware only reads the credentials
 * off the request and puts the caller on the context. Requests without credentials pass through
 * unauthenticated, and each route then decides (see `api-access.ts`).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiEnv, ApiPrincipal } from './api-env.js';
import { ApiProblem } from './problem-response.js';

/** The name of the session cookie. */
export const sessionCookieName = 'sentinela_session';

/** The header a session caller echoes its CSRF token in on state-changing requests. */
export const csrfHeaderName = 'X-CSRF-Token';

/** What the API needs from the auth services to recognise a caller. */
export interface CredentialCheck {
  /** The principal of a presented API token, or undefined if unknown, revoked or expired. */
  principalForToken(secret: string): Promise<ApiPrincipal | undefined>;
  /** The principal of a session id, or undefined if unknown, signed out or expired. */
  principalForSession(sessionId: string): Promise<ApiPrincipal | undefined>;
}

/**
 * @example
 * app.use('*', authenticate(deps.credentials));
 */
export function authenticate(check: CredentialCheck): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new ApiProblem(401, 'the Authorization header must be "Bearer <token>"');
      const principal = await check.principalForToken(match[1]!);
      if (!principal) throw new ApiProblem(401, 'the API token is unknown, revoked or expired');
      c.set('principal', principal);
      return next();
    }
    const sessionId = getCookie(c, sessionCookieName);
    if (sessionId) {
      const principal = await check.principalForSession(sessionId);
      // An expired session is no credential at all: public routes (sign-in) still work.
      if (principal) c.set('principal', principal);
    }
    return next();
  };
}
