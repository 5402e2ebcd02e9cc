/**
 * What the API knows about a request beyond its bytes: who is calling (a signed-in user or an API
 * token) once authentication has run. Routes read it; only the authentication middleware sets it.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

/** The caller of a request. */
export interface ApiPrincipal {
  /** The user name. */
  name: string;
  role: string;
  via: 'session' | 'token';
  /** For tokens: the scopes that narrow what the role allows. */
  scopes?: readonly string[];
  /** For sessions: the id the cookie carries and the CSRF token state-changing requests must echo. */
  sessionId?: string;
  csrfToken?: string;
  /** For tokens: the token's id (never its secret), for the audit trail. */
  tokenId?: string;
  /** Signed in with a one-time password: nothing but setting a new one is allowed. */
  mustChangePassword?: boolean;
}

export interface ApiEnv {
  Variables: {
    principal?: ApiPrincipal;
  };
}

/** The app every route module registers on. */
export type ApiApp = OpenAPIHono<ApiEnv>;
