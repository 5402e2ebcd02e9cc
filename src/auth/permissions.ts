/**
 * The permission matrix as data: which role may perform which action. Doors check `can()` before
 * calling a service; the matrix is printed in docs/access-and-audit.md and tested role by role.
 * Admins run the installation but do not work cases, so nobody both grants access and decides matches.
 */
import type { Role } from './roles.js';

export const actions = [
  'screening.run',
  'analysis.run',
  'alerts.read',
  'cases.read',
  'cases.create',
  'cases.assign',
  'cases.assign-others',
  'cases.comment',
  'cases.evidence',
  'cases.status',
  'cases.disposition',
  'cases.approve',
  'cases.reopen',
  'reviews.read',
  'lists.read',
  'lists.import',
  'users.read',
  'users.manage',
  'tokens.manage',
  'audit.read',
  'audit.verify',
  'audit.checkpoint',
  'audit.export',
  'metrics.read',
] as const;
export type Action = (typeof actions)[number];

/** Actions whose name starts with a prefix: `cases.`, `audit.`, … */
export function actionsIn(prefix: string): Action[] {
  return actions.filter((a) => a.startsWith(prefix));
}

const supervisorOnly: Action[] = ['cases.assign-others', 'cases.approve', 'cases.reopen'];
const caseWork = actionsIn('cases.').filter((a) => !supervisorOnly.includes(a));
const reading: Action[] = ['alerts.read', 'cases.read', 'reviews.read', 'lists.read'];
const auditing: Action[] = [...actionsIn('audit.'), 'metrics.read'];

/** Role → the actions it may perform. */
export const permissionMatrix: Readonly<Record<Role, ReadonlySet<Action>>> = {
  analyst: new Set<Action>(['screening.run', 'analysis.run', ...reading, ...caseWork]),
  supervisor: new Set<Action>([
    'screening.run',
    'analysis.run',
    ...reading,
    ...caseWork,
    ...supervisorOnly,
    'audit.read',
  ]),
  admin: new Set<Action>([
    'lists.read',
    'lists.import',
    'users.read',
    'users.manage',
    'tokens.manage',
    ...auditing,
  ]),
  auditor: new Set<Action>([...reading, 'users.read', ...auditing]),
};

/**
 * @example
 * can('analyst', 'cases.disposition'); // true
 * can('analyst', 'cases.approve');     // false
 */
export function can(role: Role, action: Action): boolean {
  return permissionMatrix[role].has(action);
}

export function isAction(value: string): value is Action {
  return (actions as readonly string[]).includes(value);
}
