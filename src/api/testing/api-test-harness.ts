/**
 * The whole API pipeline on a real SQLite file in a temporary folder, for tests: the sample
 * watchlist imported, one user per role with a password and an all-scope API token, the screening
 * index built, and helpers to call the app through `app.request` (no socket) as a token holder or
 * a signed-in browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { can, scopeActions, tokenScopes } from '../../auth/index.js';
import type { Stores } from '../../core/index.js';
import { packagedDataPath } from '../../cli/shared/packaged-data.js';
import { importPublication, readPublication } from '../../services/import-list.js';
import { localPrincipal } from '../../services/principal.js';
import { createToken } from '../../services/tokens.js';
import { addUser } from '../../services/users.js';
import { openStores } from '../../store/index.js';
import { type ApiServer, createApiApp } from '../api-app.js';
import type { ApiOptions } from '../api-options.js';
import { apiDependenciesOnStores } from '../service-adapters/api-dependencies-on-stores.js';

export const testRoles = ['analyst', 'supervisor', 'admin', 'auditor'] as const;
export type TestRole = (typeof testRoles)[number];

/** A cheap scrypt cost: tests hash a handful of passwords, not an attacker's guesses. */
const cheap = { logN: 10, r: 8, p: 1 };
export const testPassword = 'a-long-test-password-1';

export interface ApiHarness extends ApiServer {
  stores: Stores;
  dir: string;
  /** An all-scope token per role (a second supervisor has its own, for four-eyes). */
  tokens: Record<TestRole | 'supervisor2', string>;
  /** A request as a token holder. */
  as(
    role: TestRole | 'supervisor2',
    path: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<Response>;
  /** Signs in through the API; returns the cookie header value and the CSRF token. */
  signIn(role: TestRole | 'supervisor2'): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

export function userOf(role: TestRole | 'supervisor2'): string {
  return role === 'supervisor2' ? 'sam-supervisor' : `${role}-user`;
}

/**
 * @example
 * const api = await apiHarness();
 * const res = await api.as('analyst', '/screen', { method: 'POST', json: { party: { name: 'Sinaloa Cartel' } } });
 */
export async function apiHarness(options: Partial<ApiOptions> = {}): Promise<ApiHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-api-'));
  const stores = await openStores(join(dir, 'api.sqlite'));
  const sample = packagedDataPath('sample', 'sample-watchlist.csv')!;
  await importPublication(
    stores,
    await readPublication([sample], { format: 'csv', list: 'sample-watchlist' }),
  );

  const operator = localPrincipal();
  const tokens = {} as ApiHarness['tokens'];
  for (const role of [...testRoles, 'supervisor2'] as const) {
    const name = userOf(role);
    await addUser(stores, operator, {
      name,
      role: role === 'supervisor2' ? 'supervisor' : role,
      password: testPassword,
      passwordCost: cheap,
    });
    // Every scope that gives this role anything (the services refuse a scope that gives nothing).
    const roleName = role === 'supervisor2' ? 'supervisor' : role;
    const scopes = tokenScopes.filter((s) => [...scopeActions[s]].some((a) => can(roleName, a)));
    tokens[role] = (await createToken(stores, operator, { userName: name, scopes })).secret;
  }

  const { deps, readiness } = apiDependenciesOnStores(stores);
  await readiness.warm();
  const server = createApiApp(deps, { redact: [dir], ...options });

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    return server.app.request(path, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };

  return {
    ...server,
    stores,
    dir,
    tokens,
    async as(role, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${tokens[role]}`);
      return request(path, { ...init, headers });
    },
    async signIn(role) {
      const res = await request('/auth/sign-in', {
        method: 'POST',
        json: { username: userOf(role), password: testPassword },
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, csrf: csrfToken };
    },
    async close() {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
