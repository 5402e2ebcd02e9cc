/**
 * Who is asking: a signed-in user, an API token, or the operator at the terminal. Every service
 * that reads or changes data takes a principal, checks it with `authorize`, and records its name as
 * the actor in the audit trail.
 */
import { userInfo } from 'node:os';
import { type Action, can, type Role, type TokenScope, tokenCan } from '../auth/index.js';
import { ServiceError } from './service-error.js';

export interface Principal {
  /** The user name (for `local`, `local:<os user>`). */
  name: string;
  role: Role;
  via: 'session' | 'token' | 'local';
  /** For `token`: what the token is limited to. */
  scopes?: TokenScope[];
  tokenId?: string;
}

/**
 * The operator running a CLI command on the machine that holds the database: already able to read
 * and change the file, so treated as an admin; recorded as `local:<os user>`.
 */
export function localPrincipal(): Principal {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep 'unknown'
  }
  return { name: `local:${osUser}`, role: 'admin', via: 'local' };
}

/** May the principal perform the action? Tokens need both the role and a scope. */
export function allowed(principal: Principal, action: Action): boolean {
  if (principal.via === 'token') return tokenCan(principal.role, principal.scopes ?? [], action);
  return can(principal.role, action);
}

/**
 * @example
 * authorize(principal, 'cases.approve'); // throws ServiceError('forbidden') for an analyst
 */
export function authorize(principal: Principal, action: Action): void {
  if (!allowed(principal, action)) {
    const how =
      principal.via === 'token'
        ? `this token (scopes: ${(principal.scopes ?? []).join(', ') || 'none'})`
        : `role ${principal.role}`;
    throw new ServiceError('forbidden', `${action} is not allowed for ${how}`);
  }
}

/** The actor name written to the audit trail: the user, and the token when one was used. */
export function auditActor(principal: Principal): string {
  return principal.via === 'token' && principal.tokenId
    ? `${principal.name} [${principal.tokenId}]`
    : principal.name;
}
