/**
 * Signing in and out in a browser. Sign-in checks the password through the auth services and sets
 * the session cookie (HttpOnly, SameSite=Strict, Secure behind TLS) and returns the CSRF token the
 * page must echo in `X-CSRF-Token` on every state-changing request. Sign-in is rate-limited per
 * client address here and per user by the auth services.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { checkCsrf, requirePrincipal } from '../api-access.js';
import { csrfHeaderName, sessionCookieName } from '../api-authentication.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { ApiProblem } from '../problem-response.js';
import { clientAddress, rateLimited } from '../rate-limit-middleware.js';
import { RateLimiter } from '../rate-limiter.js';
import { protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

const SignInSchema = z
  .object({
    username: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1000),
  })
  .openapi('SignIn');

const SessionSchema = z
  .object({
    user: z.object({ name: z.string(), role: z.string() }),
    via: z.enum(['session', 'token']),
    csrfToken: z
      .string()
      .optional()
      .openapi({
        description: `Send it back in the ${csrfHeaderName} header on POST, PUT, PATCH and DELETE`,
      }),
    expiresAt: z.string().optional(),
    scopes: z.array(z.string()).optional(),
    mustChangePassword: z.boolean().optional().openapi({
      description: 'Signed in with a one-time password: set a new one (POST /auth/password) first',
    }),
    lists: z
      .array(z.object({ list: z.string(), version: z.string() }))
      .optional()
      .openapi({ description: 'The list versions screening uses now' }),
  })
  .openapi('Session');

export function registerSessionRoutes(app: ApiApp, { deps, options }: ApiRouteContext): void {
  const limiter = options.signInRate ? new RateLimiter(options.signInRate) : undefined;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-in',
      tags: ['Sign-in'],
      summary: 'Sign in with name and password; sets the session cookie',
      middleware: [rateLimited(limiter, 'sign-in')],
      request: { body: { required: true, content: { 'application/json': { schema: SignInSchema } } } },
      responses: {
        200: {
          description: 'Signed in; the cookie is set',
          content: { 'application/json': { schema: SessionSchema } },
        },
        400: protectedErrors[400],
        401: protectedErrors[401],
        429: protectedErrors[429],
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const signedIn = await deps.sessions.signIn({ username, password, client: clientAddress(c) });
      setCookie(c, sessionCookieName, signedIn.sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: options.secureCookies,
        path: '/',
        expires: new Date(signedIn.expiresAt),
      });
      return c.json(
        {
          user: { name: signedIn.principal.name, role: signedIn.principal.role },
          via: 'session' as const,
          csrfToken: signedIn.csrfToken,
          expiresAt: signedIn.expiresAt,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-out',
      tags: ['Sign-in'],
      summary: 'End the browser session',
      security: protectedSecurity,
      responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...protectedErrors },
    }),
    async (c) => {
      const principal = requirePrincipal(c.get('principal'));
      if (principal.via !== 'session')
        throw new ApiProblem(400, 'an API token is not signed out; revoke it with `sentinela tokens revoke`');
      checkCsrf(principal, c.req.method, c.req.header(csrfHeaderName));
      await deps.sessions.signOut(principal);
      deleteCookie(c, sessionCookieName, { path: '/', secure: options.secureCookies });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['Sign-in'],
      summary: 'Set a new password (required after signing in with a one-time password)',
      security: protectedSecurity,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  newPassword: z.string().min(1).max(1000),
                  currentPassword: z
                    .string()
                    .min(1)
                    .max(1000)
                    .optional()
                    .openapi({ description: 'Required unless you signed in with a one-time password' }),
                })
                .openapi('NewPassword'),
            },
          },
        },
      },
      responses: {
        204: { description: 'Changed; other sessions of the user are ended' },
        ...protectedErrors,
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.get('principal'));
      checkCsrf(principal, c.req.method, c.req.header(csrfHeaderName));
      const { newPassword, currentPassword } = c.req.valid('json');
      await deps.sessions.changePassword(principal, newPassword, currentPassword);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags: ['Sign-in'],
      summary: 'Who is calling, and the CSRF token of a browser session',
      security: protectedSecurity,
      responses: {
        200: { description: 'The caller', content: { 'application/json': { schema: SessionSchema } } },
        ...protectedErrors,
      },
    }),
    (c) => {
      const principal = requirePrincipal(c.get('principal'));
      return c.json(
        {
          user: { name: principal.name, role: principal.role },
          via: principal.via,
          ...(principal.csrfToken ? { csrfToken: principal.csrfToken } : {}),
          ...(principal.scopes ? { scopes: [...principal.scopes] } : {}),
          ...(principal.mustChangePassword ? { mustChangePassword: true } : {}),
          lists: deps.readiness().lists.map((l) => ({ list: l.list, version: l.version })),
        },
        200,
      );
    },
  );
}
