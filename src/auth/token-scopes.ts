/**
 * Scopes narrow what an API token may do below what its user's role allows: a bank's payment
 * system gets a `screen` token that cannot touch cases even though its user is an analyst.
 */
import { type Action, actions, actionsIn, can } from './permissions.js';
import type { Role } from './roles.js';

export const tokenScopes = ['screen', 'analysis', 'read', 'cases', 'lists', 'audit', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

const readActions = actions.filter((a) => a.endsWith('.read'));

/** Scope → the actions it covers. */
export const scopeActions: Readonly<Record<TokenScope, ReadonlySet<Action>>> = {
  screen: new Set<Action>(['screening.run', 'lists.read']),
  analysis: new Set<Action>(['analysis.run', 'alerts.read', 'lists.read']),
  read: new Set<Action>(readActions),
  cases: new Set<Action>(['alerts.read', ...actionsIn('cases.'), 'reviews.read']),
  lists: new Set<Action>(['lists.read', 'lists.import']),
  audit: new Set<Action>([...actionsIn('audit.'), 'metrics.read']),
  admin: new Set<Action>(['users.read', 'users.manage', 'tokens.manage']),
};

export function isTokenScope(value: string): value is TokenScope {
  return (tokenScopes as readonly string[]).includes(value);
}

/**
 * A token may perform an action when its user's role allows it and one of its scopes covers it.
 *
 * @example
 * tokenCan('analyst', ['screen'], 'screening.run');      // true
 * tokenCan('analyst', ['screen'], 'cases.disposition');  // false: not in the scope
 * tokenCan('analyst', ['cases'], 'cases.approve');       // false: not in the role
 */
export function tokenCan(role: Role, scopes: readonly TokenScope[], action: Action): boolean {
  return can(role, action) && scopes.some((s) => scopeActions[s].has(action));
}
