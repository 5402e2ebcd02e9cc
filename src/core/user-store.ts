/**
 * Users of one installation: a name, one role, a scrypt password hash, and whether the account is
 * disabled. Users are never deleted, so the audit trail's actor names keep pointing at someone.
 */
import type { Role } from '../auth/index.js';

export interface User {
  /** Lower-case sign-in name: letters, digits, `.`, `_`, `-`, `@`. */
  name: string;
  role: Role;
  /** `scrypt$…` (see auth/password-hash.ts); absent for a user who may only use API tokens. */
  passwordHash?: string;
  disabled: boolean;
  /** Set for a one-time password: the user must choose a new one at the next sign-in. */
  mustChangePassword: boolean;
  createdAt: string;
  createdBy: string;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
}

/**
 * @example
 * await stores.users.add({ name: 'ana', role: 'analyst', passwordHash, disabled: false,
 *   mustChangePassword: false, createdAt, createdBy: 'admin' });   // true
 * await stores.users.get('ana');
 */
export interface UserStore {
  /** Stores a new user; false (and nothing changed) when the name is taken. */
  add(user: User): Promise<boolean>;
  get(name: string): Promise<User | undefined>;
  /** Every user, by name. */
  list(): Promise<User[]>;
  /** Applies the change; the updated user, or undefined when there is no such user. */
  update(name: string, change: UserChange): Promise<User | undefined>;
  count(): Promise<number>;
}
