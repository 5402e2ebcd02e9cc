/** The roles a Sentinela user can hold. A user has exactly one; what each may do is in `permissions.ts`. */

export const roles = ['analyst', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** One line per role, for `users add --help` and the documentation. */
export const roleDescriptions: Record<Role, string> = {
  analyst: 'screens, works alerts and cases, proposes dispositions',
  supervisor:
    'everything an analyst does, plus assigning others and approving true-match closures (four-eyes)',
  admin: 'manages users, tokens and watchlists; takes audit checkpoints; does not work cases',
  auditor: 'reads everything and verifies and exports the audit trail; changes nothing else',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
