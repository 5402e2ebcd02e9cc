import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryLoginRateLimiter } from '../auth/index.js';
import { openSqlite, type SqliteDatabase } from '../store/sqlite/sqlite-database.js';
import { type AccessStores, sqliteAccessStores } from '../store/sqlite/sqlite-access-stores.js';
import { verifyAudit } from './audit-verify.js';
import type { Principal } from './principal.js';
import { refusal } from './testing/service-refusal.js';
import { authenticateSession, csrfTokenMatches, signIn, signOut } from './sessions.js';
import { authenticateToken, createToken, listTokens, revokeToken } from './tokens.js';
import { addUser, changePassword, disableUser, ensureFirstAdmin, listUsers } from './users.js';

const cheap = { logN: 10, r: 8, p: 1 };
const admin: Principal = { name: 'root', role: 'admin', via: 'session' };
const analyst: Principal = { name: 'ana', role: 'analyst', via: 'session' };

let dir: string;
let db: SqliteDatabase;
let stores: AccessStores;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-access-'));
  db = openSqlite(join(dir, 'db.sqlite'));
  stores = sqliteAccessStores(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('users', () => {
  it('creates a first admin once, whose one-time password must be changed', async () => {
    const first = await ensureFirstAdmin(stores, { passwordCost: cheap });
    expect(first?.name).toBe('admin');
    expect(first?.oneTimePassword.length).toBeGreaterThanOrEqual(24);
    expect(await ensureFirstAdmin(stores, { passwordCost: cheap })).toBeUndefined();
    const session = await signIn(stores, new InMemoryLoginRateLimiter(), {
      name: 'admin',
      password: first!.oneTimePassword,
    });
    expect(session.mustChangePassword).toBe(true);
    const me: Principal = { name: 'admin', role: 'admin', via: 'session' };
    await changePassword(stores, me, {
      name: 'admin',
      newPassword: 'a brand new passphrase',
      passwordCost: cheap,
    });
    expect(await authenticateSession(stores, session.sessionId)).toBeUndefined();
    expect((await listUsers(stores, me))[0]).toMatchObject({ name: 'admin', mustChangePassword: false });
    // From now on a new password needs the current one.
    const noCurrent = await refusal(
      changePassword(stores, me, { name: 'admin', newPassword: 'yet another passphrase' }),
    );
    expect(noCurrent.field).toBe('currentPassword');
    const wrong = await refusal(
      changePassword(stores, me, {
        name: 'admin',
        newPassword: 'yet another passphrase',
        currentPassword: 'nope',
      }),
    );
    expect(wrong.code).toBe('unauthenticated');
    await changePassword(stores, me, {
      name: 'admin',
      newPassword: 'yet another passphrase',
      currentPassword: 'a brand new passphrase',
      passwordCost: cheap,
    });
  });

  it('checks permission, names, roles, passwords and duplicates', async () => {
    expect((await refusal(addUser(stores, analyst, { name: 'bo', role: 'analyst' }))).code).toBe('forbidden');
    expect((await refusal(addUser(stores, admin, { name: 'Bad Name', role: 'analyst' }))).field).toBe('name');
    expect((await refusal(addUser(stores, admin, { name: 'bo', role: 'boss' }))).field).toBe('role');
    expect(
      (await refusal(addUser(stores, admin, { name: 'bo', role: 'analyst', password: 'short' }))).field,
    ).toBe('password');
    const bo = await addUser(stores, admin, {
      name: 'Bo',
      role: 'analyst',
      password: 'long enough pass',
      passwordCost: cheap,
    });
    expect(bo).toMatchObject({ name: 'bo', role: 'analyst', hasPassword: true, createdBy: 'root' });
    expect(JSON.stringify(await listUsers(stores, admin))).not.toContain('scrypt');
    expect((await refusal(addUser(stores, admin, { name: 'bo', role: 'admin' }))).code).toBe('conflict');
  });

  it('will not disable the last enabled admin', async () => {
    await addUser(stores, admin, { name: 'boss', role: 'admin' });
    expect((await refusal(disableUser(stores, admin, 'boss'))).code).toBe('conflict');
    await addUser(stores, admin, { name: 'boss2', role: 'admin' });
    expect((await disableUser(stores, admin, 'boss')).disabled).toBe(true);
  });
});

describe('sessions', () => {
  beforeEach(async () => {
    await addUser(stores, admin, {
      name: 'ana',
      role: 'analyst',
      password: 'ana long password',
      passwordCost: cheap,
    });
  });

  it('signs in, checks the cookie and CSRF token, signs out', async () => {
    const s = await signIn(stores, new InMemoryLoginRateLimiter(), {
      name: 'ANA',
      password: 'ana long password',
    });
    expect(s.sessionId).toMatch(/^sns_/);
    const active = await authenticateSession(stores, s.sessionId);
    expect(active?.principal).toEqual({ name: 'ana', role: 'analyst', via: 'session' });
    expect(csrfTokenMatches(active!, s.csrfToken)).toBe(true);
    expect(csrfTokenMatches(active!, 'csrf_forged')).toBe(false);
    expect(csrfTokenMatches(active!, undefined)).toBe(false);
    // the store holds only the id's hash
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(s.sessionId);
    expect(await signOut(stores, s.sessionId)).toBe(true);
    expect(await authenticateSession(stores, s.sessionId)).toBeUndefined();
  });

  it('expires idle sessions and ends them when the user is disabled', async () => {
    const t0 = new Date('2026-12-01T22:00:00Z');
    const s = await signIn(
      stores,
      new InMemoryLoginRateLimiter(),
      { name: 'ana', password: 'ana long password' },
      t0,
    );
    expect(
      await authenticateSession(stores, s.sessionId, new Date(t0.getTime() + 29 * 60_000)),
    ).toBeDefined();
    expect(
      await authenticateSession(stores, s.sessionId, new Date(t0.getTime() + 60 * 60_000)),
    ).toBeUndefined();
    const s2 = await signIn(stores, new InMemoryLoginRateLimiter(), {
      name: 'ana',
      password: 'ana long password',
    });
    await disableUser(stores, admin, 'ana');
    expect(await authenticateSession(stores, s2.sessionId)).toBeUndefined();
    const refused = await refusal(
      signIn(stores, new InMemoryLoginRateLimiter(), { name: 'ana', password: 'ana long password' }),
    );
    expect(refused.code).toBe('unauthenticated');
  });

  it('refuses wrong passwords alike for unknown users and rate-limits', async () => {
    const limiter = new InMemoryLoginRateLimiter({
      freeFailures: 2,
      windowMs: 60_000,
      lockMs: 30_000,
      maxLockMs: 60_000,
    });
    const wrong = await refusal(signIn(stores, limiter, { name: 'ana', password: 'not the password' }));
    const unknown = await refusal(signIn(stores, limiter, { name: 'nobody', password: 'not the password' }));
    expect(wrong.message).toBe(unknown.message);
    await refusal(signIn(stores, limiter, { name: 'ana', password: 'not the password' }));
    await refusal(signIn(stores, limiter, { name: 'ana', password: 'not the password' }));
    const limited = await refusal(signIn(stores, limiter, { name: 'ana', password: 'ana long password' }));
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('tokens', () => {
  beforeEach(async () => {
    await addUser(stores, admin, { name: 'hub', role: 'analyst' });
    await addUser(stores, admin, { name: 'aud', role: 'auditor' });
  });

  it('returns the secret once, stores its hash, authenticates with scopes and stops after revocation', async () => {
    const { token, secret } = await createToken(stores, admin, {
      userName: 'hub',
      scopes: ['screen'],
      label: 'payments',
    });
    expect(secret).toMatch(/^snt_/);
    expect(JSON.stringify(db.prepare('SELECT * FROM api_tokens').all())).not.toContain(secret);
    expect(JSON.stringify(await listTokens(stores, admin))).not.toMatch(/hash|snt_/);
    const principal = await authenticateToken(stores, secret);
    expect(principal).toEqual({
      name: 'hub',
      role: 'analyst',
      via: 'token',
      scopes: ['screen'],
      tokenId: token.id,
    });
    expect(await authenticateToken(stores, `${secret}x`)).toBeUndefined();
    expect(await authenticateToken(stores, 'Bearer nonsense')).toBeUndefined();
    await revokeToken(stores, admin, token.id);
    expect(await authenticateToken(stores, secret)).toBeUndefined();
  });

  it('refuses bad scopes, unknown users, and non-admins', async () => {
    expect((await refusal(createToken(stores, admin, { userName: 'hub', scopes: [] }))).field).toBe('scope');
    expect(
      (await refusal(createToken(stores, admin, { userName: 'hub', scopes: ['everything'] }))).field,
    ).toBe('scope');
    expect(
      (await refusal(createToken(stores, admin, { userName: 'hub', scopes: ['admin'] }))).message,
    ).toMatch(/allows nothing/);
    expect((await refusal(createToken(stores, admin, { userName: 'zed', scopes: ['read'] }))).code).toBe(
      'not-found',
    );
    expect((await refusal(createToken(stores, analyst, { userName: 'hub', scopes: ['read'] }))).code).toBe(
      'forbidden',
    );
  });

  it('stop working when the user is disabled or the token expired', async () => {
    const { secret } = await createToken(stores, admin, {
      userName: 'hub',
      scopes: ['read'],
      expiresInDays: 1,
    });
    expect(await authenticateToken(stores, secret)).toBeDefined();
    expect(await authenticateToken(stores, secret, new Date(Date.now() + 2 * 86_400_000))).toBeUndefined();
    await disableUser(stores, admin, 'hub');
    expect(await authenticateToken(stores, secret)).toBeUndefined();
  });
});

describe('audit of access changes', () => {
  it('records every change without secrets and verifies', async () => {
    await addUser(stores, admin, {
      name: 'ana',
      role: 'analyst',
      password: 'ana long password',
      passwordCost: cheap,
    });
    const { token, secret } = await createToken(stores, admin, { userName: 'ana', scopes: ['screen'] });
    await revokeToken(stores, admin, token.id);
    const s = await signIn(stores, new InMemoryLoginRateLimiter(), {
      name: 'ana',
      password: 'ana long password',
    });
    await signOut(stores, s.sessionId);
    const entries = await stores.audit.entries();
    expect(entries.map((e) => e.action)).toEqual([
      'user.add',
      'token.create',
      'token.revoke',
      'session.sign-in',
      'session.sign-out',
    ]);
    const text = JSON.stringify(entries);
    for (const secretText of [secret, s.sessionId, s.csrfToken, 'ana long password', 'scrypt$'])
      expect(text).not.toContain(secretText);
    expect((await verifyAudit(stores)).ok).toBe(true);
  });
});
