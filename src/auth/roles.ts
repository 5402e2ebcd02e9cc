/** The roles a Sentinela user can hold. A user has exactly one; what each may do is in `permissions.ts`. */

export const roles = ['analyst', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
