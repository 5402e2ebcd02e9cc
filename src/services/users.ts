/**
 * User accounts: add, list, disable and enable, change a password, and the first-start admin.
 * Every change is recorded in the audit trail; password hashes never leave this file's callers
 * (listings return `PublicUser`).
 */
import { randomBytes } from 'node:crypto';
import {
  hashPassword,
  isRole,
  passwordProblem,
  type Role,
  roles,
  type ScryptCost,
  verifyPassword,
} from '../auth/index.js';
import type { AuditStore, SessionStore, User, UserStore } from '../core/index.js';
import { recordAudit } from './audit-record.js';
import { auditActor, authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';

export interface UserStores {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
}

/** A user as shown to people and other systems: no password hash. */
export interface PublicUser {
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  createdAt: string;
  createdBy: string;
}

export function publicUser(user: User): PublicUser {
  return {
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    hasPassword: user.passwordHash !== undefined,
    createdAt: user.createdAt,
    createdBy: user.createdBy,
  };
}

const namePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** The stored form of a name, or a ServiceError saying what is wrong with it. */
export function userName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (!namePattern.test(name))
    throw new ServiceError(
      'invalid',
      `user name "${raw}": use 1–64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit`,
      { field: 'name' },
    );
  return name;
}

export interface NewUserInput {
  name: string;
  role: string;
  /** Omitted: the user signs in only through API tokens. */
  password?: string;
  /** Internal: the scrypt cost (tests use a cheaper one). */
  passwordCost?: ScryptCost;
}

/**
 * @example
 * await addUser(stores, admin, { name: 'ana', role: 'analyst', password: 'correct horse battery' });
 */
export async function addUser(
  stores: UserStores,
  actor: Principal,
  input: NewUserInput,
): Promise<PublicUser> {
  authorize(actor, 'users.manage');
  const name = userName(input.name);
  if (!isRole(input.role))
    throw new ServiceError('invalid', `role "${input.role}": expected one of ${roles.join(', ')}`, {
      field: 'role',
    });
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new ServiceError('invalid', problem, { field: 'password' });
  }
  const user: User = {
    name,
    role: input.role,
    ...(input.password !== undefined
      ? { passwordHash: await hashPassword(input.password, input.passwordCost) }
      : {}),
    disabled: false,
    mustChangePassword: false,
    createdAt: new Date().toISOString(),
    createdBy: auditActor(actor),
  };
  if (!(await stores.users.add(user)))
    throw new ServiceError('conflict', `a user named ${name} already exists`);
  const shown = publicUser(user);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'user.add',
    target: `user:${name}`,
    before: null,
    after: { ...shown },
  });
  return shown;
}

export async function listUsers(stores: Pick<UserStores, 'users'>, actor: Principal): Promise<PublicUser[]> {
  authorize(actor, 'users.read');
  return (await stores.users.list()).map(publicUser);
}

async function existing(stores: Pick<UserStores, 'users'>, raw: string): Promise<User> {
  const user = await stores.users.get(userName(raw));
  if (!user) throw new ServiceError('not-found', `no user named ${raw}`);
  return user;
}

/**
 * Disables a user and ends their sessions; their tokens stop working at once. Refuses to disable
 * the last enabled admin, which would lock everyone out of user management.
 */
export async function disableUser(stores: UserStores, actor: Principal, name: string): Promise<PublicUser> {
  authorize(actor, 'users.manage');
  const user = await existing(stores, name);
  if (user.disabled) return publicUser(user);
  if (user.role === 'admin') {
    const admins = (await stores.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
    if (admins.length <= 1)
      throw new ServiceError('conflict', `${user.name} is the last enabled admin; add another admin first`);
  }
  const updated = (await stores.users.update(user.name, { disabled: true }))!;
  await stores.sessions.deleteForUser(user.name);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'user.disable',
    target: `user:${user.name}`,
    before: { disabled: false },
    after: { disabled: true },
  });
  return publicUser(updated);
}

export async function enableUser(stores: UserStores, actor: Principal, name: string): Promise<PublicUser> {
  authorize(actor, 'users.manage');
  const user = await existing(stores, name);
  if (!user.disabled) return publicUser(user);
  const updated = (await stores.users.update(user.name, { disabled: false }))!;
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'user.enable',
    target: `user:${user.name}`,
    before: { disabled: true },
    after: { disabled: false },
  });
  return publicUser(updated);
}

/**
 * A user sets a new password — after a one-time password (the sign-in just checked it), or at will
 * with the current one — or an admin sets someone's; the user's sessions are ended.
 */
export async function changePassword(
  stores: UserStores,
  actor: Principal,
  input: { name: string; newPassword: string; currentPassword?: string; passwordCost?: ScryptCost },
): Promise<PublicUser> {
  const user = await existing(stores, input.name);
  if (actor.name !== user.name) authorize(actor, 'users.manage');
  else if (input.currentPassword !== undefined) {
    if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw new ServiceError('unauthenticated', 'the current password is wrong', {
        field: 'currentPassword',
      });
  } else if (!user.mustChangePassword) {
    // A session left open must not be enough to take over the account.
    throw new ServiceError('invalid', 'give your current password to set a new one', {
      field: 'currentPassword',
    });
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new ServiceError('invalid', problem, { field: 'newPassword' });
  const updated = (await stores.users.update(user.name, {
    passwordHash: await hashPassword(input.newPassword, input.passwordCost),
    mustChangePassword: false,
  }))!;
  await stores.sessions.deleteForUser(user.name);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'user.password',
    target: `user:${user.name}`,
    before: { mustChangePassword: user.mustChangePassword },
    after: { mustChangePassword: false },
  });
  return publicUser(updated);
}

/**
 * An admin resets a user's password to a one-time one (returned once, to be handed over in person
 * or by phone); the user must set their own at the next sign-in, and their sessions end now.
 *
 * @example
 * const { oneTimePassword } = await resetPassword(stores, admin, 'ana');
 */
export async function resetPassword(
  stores: UserStores,
  actor: Principal,
  name: string,
  options: { passwordCost?: ScryptCost } = {},
): Promise<{ name: string; oneTimePassword: string }> {
  authorize(actor, 'users.manage');
  const user = await existing(stores, name);
  const oneTimePassword = randomBytes(18).toString('base64url');
  await stores.users.update(user.name, {
    passwordHash: await hashPassword(oneTimePassword, options.passwordCost),
    mustChangePassword: true,
  });
  await stores.sessions.deleteForUser(user.name);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'user.password-reset',
    target: `user:${user.name}`,
    before: { mustChangePassword: user.mustChangePassword },
    after: { mustChangePassword: true },
  });
  return { name: user.name, oneTimePassword };
}

export interface FirstAdmin {
  name: string;
  /** Shown once to whoever started the installation; stored only as a hash; must be changed at first sign-in. */
  oneTimePassword: string;
}

/**
 * On a first start with no users, creates an admin with a one-time password and returns it (the
 * door prints it on the terminal, never to a log). Undefined when users already exist.
 *
 * @example
 * const first = await ensureFirstAdmin(stores);
 * if (first) process.stdout.write(`admin password (shown once): ${first.oneTimePassword}\n`);
 */
export async function ensureFirstAdmin(
  stores: UserStores,
  options: { name?: string; passwordCost?: ScryptCost } = {},
): Promise<FirstAdmin | undefined> {
  if ((await stores.users.count()) > 0) return undefined;
  const name = userName(options.name ?? 'admin');
  const oneTimePassword = randomBytes(18).toString('base64url');
  const user: User = {
    name,
    role: 'admin',
    passwordHash: await hashPassword(oneTimePassword, options.passwordCost),
    disabled: false,
    mustChangePassword: true,
    createdAt: new Date().toISOString(),
    createdBy: 'system:first-start',
  };
  // Another process starting at the same moment may win; then there is nothing to show.
  if (!(await stores.users.add(user))) return undefined;
  await recordAudit(stores, {
    actor: 'system:first-start',
    action: 'user.add',
    target: `user:${name}`,
    before: null,
    after: { ...publicUser(user) },
  });
  return { name, oneTimePassword };
}
