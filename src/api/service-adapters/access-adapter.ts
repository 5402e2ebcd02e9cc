/**
 * The API's view of the auth services: who a bearer token or session cookie stands for (with the
 * session's CSRF token and one-time-password state), the permission matrix, sign-in through the
 * rate-limited password check, sign-out and setting a new password. Every change is audited there.
 */
import { InMemoryLoginRateLimiter, isAction, type LoginRateLimiter } from '../../auth/index.js';
import type { Stores } from '../../core/index.js';
import { allowed, type Principal } from '../../services/principal.js';
import { authenticateSession, signIn, signOut } from '../../services/sessions.js';
import { authenticateToken } from '../../services/tokens.js';
import { changePassword } from '../../services/users.js';
import type { CredentialCheck } from '../api-authentication.js';
import type { PermissionCheck } from '../api-access.js';
import type { ApiSessions } from '../api-dependencies.js';
import type { ApiPrincipal } from '../api-env.js';

/** The services' principal for an API caller (the services authorise and audit with it). */
export function servicePrincipal(principal: ApiPrincipal): Principal {
  return {
    name: principal.name,
    role: principal.role as Principal['role'],
    via: principal.via,
    ...(principal.scopes ? { scopes: [...principal.scopes] as Principal['scopes'] } : {}),
    ...(principal.tokenId ? { tokenId: principal.tokenId } : {}),
  };
}

function apiPrincipal(principal: Principal): ApiPrincipal {
  return {
    name: principal.name,
    role: principal.role,
    via: principal.via === 'token' ? 'token' : 'session',
    ...(principal.scopes ? { scopes: principal.scopes } : {}),
    ...(principal.tokenId ? { tokenId: principal.tokenId } : {}),
  };
}

export interface AccessAdapter {
  credentials: CredentialCheck;
  allows: PermissionCheck;
  sessions: ApiSessions;
}

/**
 * @example
 * const access = accessAdapter(stores);
 * const deps = { ...access, … };
 */
export function accessAdapter(
  stores: Stores,
  limiter: LoginRateLimiter = new InMemoryLoginRateLimiter(),
): AccessAdapter {
  return {
    credentials: {
      async principalForToken(secret) {
        const principal = await authenticateToken(stores, secret);
        return principal ? apiPrincipal(principal) : undefined;
      },
      async principalForSession(sessionId) {
        const active = await authenticateSession(stores, sessionId);
        if (!active) return undefined;
        return {
          ...apiPrincipal(active.principal),
          sessionId,
          csrfToken: active.csrfToken,
          ...(active.mustChangePassword ? { mustChangePassword: true } : {}),
        };
      },
    },
    allows: (principal, action) => isAction(action) && allowed(servicePrincipal(principal), action),
    sessions: {
      async signIn({ username, password, client }) {
        const signedIn = await signIn(stores, limiter, { name: username, password, client });
        return {
          sessionId: signedIn.sessionId,
          csrfToken: signedIn.csrfToken,
          expiresAt: signedIn.expiresAt,
          principal: {
            name: signedIn.user.name,
            role: signedIn.user.role,
            via: 'session',
            ...(signedIn.mustChangePassword ? { mustChangePassword: true } : {}),
          },
        };
      },
      async signOut(principal) {
        if (principal.sessionId) await signOut(stores, principal.sessionId);
      },
      async changePassword(principal, newPassword, currentPassword) {
        await changePassword(stores, servicePrincipal(principal), {
          name: principal.name,
          newPassword,
          ...(currentPassword !== undefined ? { currentPassword } : {}),
        });
      },
    },
  };
}
