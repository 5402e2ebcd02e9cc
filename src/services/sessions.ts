/**
 * Browser sessions: sign in with a name and password (rate-limited), check a session cookie on each
 * request (idle and absolute expiry), check the CSRF token on state-changing requests, sign out.
 * The session id goes to the browser once, in the cookie; the store keeps only its hash.
 */
import {
  constantTimeEquals,
  defaultSessionPolicy,
  hashPassword,
  type LoginRateLimiter,
  newSecret,
  secretHash,
  type SessionPolicy,
  sessionExpiresAt,
  sessionExpiry,
  verifyPassword,
} from '../auth/index.js';
import type { AuditStore, Session, SessionStore, UserStore } from '../core/index.js';
import { recordAudit } from './audit-record.js';
import type { Principal } from './principal.js';
import { ServiceError } from './service-error.js';
import { type PublicUser, publicUser } from './users.js';

export interface SessionStores {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
}

export interface SignedIn {
  /** For the HttpOnly cookie; not stored anywhere in clear. */
  sessionId: string;
  /** For the page to send back in a header on state-changing requests. */
  csrfToken: string;
  user: PublicUser;
  expiresAt: string;
  /** The user signed in with a one-time password and must set a new one before anything else. */
  mustChangePassword: boolean;
}

export interface SignInInput {
  name: string;
  password: string;
  /** The client's address (or another key) for rate limiting alongside the user name. */
  client?: string;
}

const refused = 'the user name or password is wrong, or the account is disabled';

/** Checked when the name is unknown, so an unknown name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

/**
 * @example
 * const s = await signIn(stores, limiter, { name: 'ana', password, client: ip });
 * setCookie('sentinela_session', s.sessionId, { httpOnly: true, sameSite: 'Strict' });
 */
export async function signIn(
  stores: SessionStores,
  limiter: LoginRateLimiter,
  input: SignInInput,
  now: Date = new Date(),
): Promise<SignedIn> {
  const name = input.name.trim().toLowerCase().slice(0, 64);
  const keys = [`user:${name}`, ...(input.client ? [`client:${input.client}`] : [])];
  for (const key of keys) {
    const decision = await limiter.check(key, now);
    if (!decision.allowed)
      throw new ServiceError('rate-limited', 'too many failed sign-ins; try again later', {
        retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000),
      });
  }
  const user = await stores.users.get(name);
  const password = input.password.slice(0, 1024);
  decoy ??= hashPassword('sentinela decoy password');
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : (await verifyPassword(password, await decoy)) && false;
  if (!user || !ok || user.disabled) {
    for (const key of keys) await limiter.fail(key, now);
    if (user)
      await recordAudit(stores, {
        actor: user.name,
        action: 'session.sign-in-refused',
        target: `user:${user.name}`,
        before: null,
        after: { reason: user.disabled ? 'disabled' : 'wrong password' },
        at: now.toISOString(),
      });
    throw new ServiceError('unauthenticated', refused);
  }
  for (const key of keys) await limiter.succeed(key);
  const sessionId = newSecret('sns');
  const session: Session = {
    idHash: secretHash(sessionId),
    userName: user.name,
    csrfToken: newSecret('csrf'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
  };
  await stores.sessions.add(session);
  // Sessions nobody presents again would otherwise stay in the table; sign-in is a good moment.
  await stores.sessions.deleteExpired(
    new Date(now.getTime() - defaultSessionPolicy.absoluteMs).toISOString(),
    new Date(now.getTime() - defaultSessionPolicy.idleMs).toISOString(),
  );
  await recordAudit(stores, {
    actor: user.name,
    action: 'session.sign-in',
    target: `user:${user.name}`,
    before: null,
    // The first 12 hex digits of the id's hash name the session without revealing it.
    after: { session: session.idHash.slice(0, 12) },
    at: now.toISOString(),
  });
  return {
    sessionId,
    csrfToken: session.csrfToken,
    user: publicUser(user),
    expiresAt: sessionExpiresAt(session),
    mustChangePassword: user.mustChangePassword,
  };
}

export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
  mustChangePassword: boolean;
}

/** `lastSeenAt` is written at most this often, so checking a session stays (mostly) a read. */
const touchIntervalMs = 30_000;

/**
 * The session a cookie stands for, or undefined when it is unknown, expired or its user disabled.
 *
 * @example
 * const active = await authenticateSession(stores, cookie);
 * if (!active) return c.json({ error: 'sign in' }, 401);
 */
export async function authenticateSession(
  stores: Pick<SessionStores, 'users' | 'sessions'>,
  sessionId: string,
  now: Date = new Date(),
  policy: SessionPolicy = defaultSessionPolicy,
): Promise<ActiveSession | undefined> {
  if (!sessionId.startsWith('sns_') || sessionId.length > 200) return undefined;
  const idHash = secretHash(sessionId);
  const session = await stores.sessions.get(idHash);
  if (!session) return undefined;
  if (sessionExpiry(session, now, policy)) {
    await stores.sessions.delete(idHash);
    return undefined;
  }
  const user = await stores.users.get(session.userName);
  if (!user || user.disabled) return undefined;
  let seen = session;
  if (now.getTime() - Date.parse(session.lastSeenAt) > touchIntervalMs) {
    seen = { ...session, lastSeenAt: now.toISOString() };
    await stores.sessions.touch(idHash, seen.lastSeenAt);
  }
  return {
    principal: { name: user.name, role: user.role, via: 'session' },
    csrfToken: session.csrfToken,
    expiresAt: sessionExpiresAt(seen, policy),
    mustChangePassword: user.mustChangePassword,
  };
}

/** Does the token the browser sent match its session's? Constant time. */
export function csrfTokenMatches(active: ActiveSession, presented: string | undefined): boolean {
  return presented !== undefined && constantTimeEquals(active.csrfToken, presented);
}

/** Ends a session (sign-out); true when there was one. */
export async function signOut(stores: SessionStores, sessionId: string): Promise<boolean> {
  const idHash = secretHash(sessionId);
  const session = await stores.sessions.get(idHash);
  if (!session) return false;
  await stores.sessions.delete(idHash);
  await recordAudit(stores, {
    actor: session.userName,
    action: 'session.sign-out',
    target: `user:${session.userName}`,
    before: { session: idHash.slice(0, 12) },
    after: null,
  });
  return true;
}
