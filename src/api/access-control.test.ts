import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, can, type Role } from '../auth/index.js';
import { type ApiHarness, apiHarness, testRoles } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness({ signInRate: { perSecond: 0.001, burst: 1000 } });
});
afterAll(async () => api.close());

/** Every state-changing route, the action it checks and a body that passes validation. */
const changing: Array<{ method: string; path: string; action: Action; json: unknown }> = [
  {
    method: 'POST',
    path: '/screen',
    action: 'screening.run',
    json: { party: { name: 'Javier Torres Felix' } },
  },
  {
    method: 'POST',
    path: '/screen/batch',
    action: 'screening.run',
    json: { parties: [{ name: 'Javier Torres Felix' }] },
  },
  {
    method: 'POST',
    path: '/match/default',
    action: 'screening.run',
    json: { queries: { q: { schema: 'Person', properties: { name: ['x'] } } } },
  },
  { method: 'POST', path: '/cases', action: 'cases.create', json: { alertIds: ['nope'], title: 't' } },
  { method: 'POST', path: '/cases/nope/assign', action: 'cases.assign', json: { assignee: null } },
  { method: 'POST', path: '/cases/nope/comments', action: 'cases.comment', json: { text: 'x' } },
  { method: 'POST', path: '/cases/nope/evidence?name=a.txt', action: 'cases.evidence', json: 'evidence' },
  { method: 'POST', path: '/cases/nope/status', action: 'cases.status', json: { status: 'escalated' } },
  {
    method: 'POST',
    path: '/cases/nope/disposition',
    action: 'cases.disposition',
    json: { disposition: 'false-positive', reason: 'r' },
  },
  { method: 'POST', path: '/cases/nope/approval', action: 'cases.approve', json: {} },
  { method: 'POST', path: '/cases/nope/return', action: 'cases.approve', json: { reason: 'r' } },
  { method: 'POST', path: '/cases/nope/reopen', action: 'cases.reopen', json: { reason: 'r' } },
];

describe('the permission matrix on every state-changing route', () => {
  it('answers 403 exactly where the role may not perform the route’s action, with a token and with a session', async () => {
    const served = new Set(api.app.routes.map((r) => `${r.method} ${r.path}`));
    const routes = changing.filter((r) =>
      served.has(
        `${r.method} ${r.path
          .split('?')[0]!
          .replace('/nope/', '/:id/')
          .replace(/\/default$/, '/:dataset')}`,
      ),
    );
    expect(routes.length).toBeGreaterThanOrEqual(3);
    const sessions = Object.fromEntries(
      await Promise.all(testRoles.map(async (role) => [role, await api.signIn(role)] as const)),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      for (const role of testRoles) {
        const allowed = can(role as Role, route.action);
        const viaToken = await api.as(role, route.path, { method: route.method, json: route.json });
        const session = sessions[role]!;
        const viaSession = await api.app.request(route.path, {
          method: route.method,
          headers: {
            Cookie: session.cookie,
            'X-CSRF-Token': session.csrf,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(route.json),
        });
        for (const [how, res] of [
          ['token', viaToken],
          ['session', viaSession],
        ] as const) {
          if ((res.status === 403) === allowed)
            wrong.push(`${role} ${how} ${route.method} ${route.path}: ${res.status} (allowed: ${allowed})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('needs credentials (401) and, for a browser session, the CSRF header (403)', async () => {
    const { cookie } = await api.signIn('analyst');
    for (const route of changing.slice(0, 3)) {
      const anonymous = await api.app.request(route.path, {
        method: route.method,
        body: JSON.stringify(route.json),
        headers: { 'Content-Type': 'application/json' },
      });
      expect(anonymous.status, route.path).toBe(401);
      const noCsrf = await api.app.request(route.path, {
        method: route.method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify(route.json),
      });
      expect(noCsrf.status, route.path).toBe(403);
      expect(((await noCsrf.json()) as { detail: string }).detail).toContain('X-CSRF-Token');
      const wrongCsrf = await api.app.request(route.path, {
        method: route.method,
        headers: { Cookie: cookie, 'X-CSRF-Token': 'csrf_guess', 'Content-Type': 'application/json' },
        body: JSON.stringify(route.json),
      });
      expect(wrongCsrf.status, route.path).toBe(403);
    }
    // Reads need no CSRF header.
    expect((await api.app.request('/alerts', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('limits a token to its scopes even where the role allows more', async () => {
    const { createToken } = await import('../services/tokens.js');
    const { localPrincipal } = await import('../services/principal.js');
    const { secret } = await createToken(api.stores, localPrincipal(), {
      userName: 'analyst-user',
      scopes: ['screen'],
    });
    const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' };
    expect(
      (
        await api.app.request('/screen', {
          method: 'POST',
          headers,
          body: JSON.stringify({ party: { name: 'x' } }),
        })
      ).status,
    ).toBe(200);
    expect((await api.app.request('/alerts', { headers })).status).toBe(403);
  });
});

describe('sign-in, session and sign-out', () => {
  it('sets an HttpOnly SameSite=Strict cookie and returns the CSRF token; sign-out ends the session', async () => {
    const res = await api.app.request('/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor-user', password: 'a-long-test-password-1' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^sentinela_session=sns_/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const { csrfToken, user } = (await res.json()) as {
      csrfToken: string;
      user: { name: string; role: string };
    };
    expect(user).toEqual({ name: 'supervisor-user', role: 'supervisor' });
    const jar = cookie.split(';')[0]!;
    const who = (await (await api.app.request('/auth/session', { headers: { Cookie: jar } })).json()) as {
      user: { name: string };
      csrfToken: string;
    };
    expect(who).toMatchObject({ user: { name: 'supervisor-user' }, csrfToken });
    expect(
      (await api.app.request('/auth/sign-out', { method: 'POST', headers: { Cookie: jar } })).status,
    ).toBe(403);
    const out = await api.app.request('/auth/sign-out', {
      method: 'POST',
      headers: { Cookie: jar, 'X-CSRF-Token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await api.app.request('/auth/session', { headers: { Cookie: jar } })).status).toBe(401);
  });

  it('changes one’s own password only with the current one, and ends the other sessions', async () => {
    const first = await api.signIn('auditor');
    const headers = { Cookie: first.cookie, 'X-CSRF-Token': first.csrf, 'Content-Type': 'application/json' };
    const without = await api.app.request('/auth/password', {
      method: 'POST',
      headers,
      body: JSON.stringify({ newPassword: 'another-long-password-2' }),
    });
    expect(without.status).toBe(400);
    expect(((await without.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'currentPassword',
    );
    const changed = await api.app.request('/auth/password', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        newPassword: 'another-long-password-2',
        currentPassword: 'a-long-test-password-1',
      }),
    });
    expect(changed.status).toBe(204);
    expect((await api.app.request('/auth/session', { headers: { Cookie: first.cookie } })).status).toBe(401);
    const signIn = await api.app.request('/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'auditor-user', password: 'another-long-password-2' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a wrong password with 401 and no hint which part was wrong', async () => {
    const res = await api.app.request('/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'analyst-user', password: 'wrong-password-123' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });

  it('rate-limits sign-in attempts with 429 and Retry-After', async () => {
    const limited = await apiHarness({ signInRate: { perSecond: 0.01, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.request('/auth/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'analyst-user', password: `guess-number-${i}-xyz` }),
        });
        statuses.push(res.status);
        if (res.status === 429) expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
