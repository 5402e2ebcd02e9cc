import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness();
});
afterAll(async () => api.close());

describe('health, documents and the pipeline every request passes', () => {
  it('answers /healthz and /readyz without credentials, naming the lists once the index is built', async () => {
    expect(await (await api.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api.app.request('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; lists: Array<{ list: string; entities: number }> };
    expect(body.status).toBe('ready');
    expect(body.lists).toEqual([expect.objectContaining({ list: 'sample-watchlist', entities: 43 })]);
  });

  it('documents every route in /openapi.json (OpenAPI 3.1) with the two security schemes', async () => {
    const res = await api.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    // Every route the app answers, except the document, the reference page, the workbench page and their assets.
    const undocumented = ['/openapi.json', '/docs', '/docs/assets/:name', '/', '/assets/:name'];
    const served = api.app.routes
      .filter((r) => r.method !== 'ALL' && !undocumented.includes(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('serves the reference page and its assets from this server only, under a CSP without inline code', async () => {
    const page = await api.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith('/docs/assets/')).toBe(true);
      const asset = await api.app.request(source);
      expect(asset.status, source).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10);
    }
    expect(html).not.toMatch(/<script>(?!<\/script>)|<style|style="/);
    const csp = page.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sets the security headers on every answer, errors included', async () => {
    for (const path of ['/healthz', '/alerts', '/no-such-route']) {
      const res = await api.app.request(path);
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy'), path).toBe('no-referrer');
      expect(res.headers.get('Content-Security-Policy'), path).toContain("default-src 'none'");
    }
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const res = await api.app.request('/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('refuses every data route without credentials (401), and an unknown token', async () => {
    for (const [method, path] of [
      ['GET', '/alerts'],
      ['GET', '/lists'],
      ['POST', '/screen'],
      ['POST', '/match/default'],
      ['GET', '/metrics'],
      ['GET', '/auth/session'],
    ] as const) {
      const res = await api.app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    const forged = await api.app.request('/alerts', { headers: { Authorization: 'Bearer snt_forged' } });
    expect(forged.status).toBe(401);
    const malformed = await api.app.request('/alerts', { headers: { Authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('serves Prometheus metrics to an auditor and counts requests by route pattern, never by path', async () => {
    await api.as('analyst', '/lists/versions/1');
    const res = await api.as('auditor', '/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('sentinela_http_requests_total');
    expect(text).toContain('route="/lists/versions/:id"');
    expect(text).not.toContain('route="/lists/versions/1"');
    expect((await api.as('analyst', '/metrics')).status).toBe(403);
  });

  it('logs method, route pattern, status and duration only', async () => {
    const lines: string[] = [];
    const logged = await apiHarness({ log: (l) => lines.push(l) });
    try {
      await logged.as('analyst', '/screen', {
        method: 'POST',
        json: { party: { name: 'Ovidio Guzman Lopez', idNumber: 'X123' } },
      });
      await logged.as('analyst', '/alerts?subject=Ovidio');
      expect(lines.length).toBe(2);
      expect(lines[0]).toMatch(/^\S+ POST \/screen 200 [\d.]+ms$/);
      expect(lines[1]).toMatch(/^\S+ GET \/alerts 200 [\d.]+ms$/);
      expect(lines.join('\n')).not.toMatch(/Ovidio|X123|snt_|Bearer/);
    } finally {
      await logged.close();
    }
  });
});
