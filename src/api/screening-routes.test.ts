import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness();
});
afterAll(async () => api.close());

interface ScreenBody {
  party: { id: string; name: string };
  match: boolean;
  matches: Array<{
    entityId: string;
    list: string;
    listVersion: string;
    score: number;
    match: boolean;
    explanation: Array<{ feature: string; detail: string }>;
  }>;
  lists: Array<{ list: string; version: string }>;
  threshold: number;
  algorithm: string;
}

describe('POST /screen', () => {
  it('screens one party and explains the match, with the list version and algorithm', async () => {
    const res = await api.as('analyst', '/screen', {
      method: 'POST',
      json: {
        party: { id: 'c-1', name: 'Ruben Oseguera Cervantes', schema: 'Person', birthDate: '1966-07-17' },
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ScreenBody;
    expect(body.party).toEqual({ id: 'c-1', name: 'Ruben Oseguera Cervantes' });
    expect(body.match).toBe(true);
    expect(body.matches[0]).toMatchObject({
      entityId: 'OFAC-SDN-17674',
      list: 'sample-watchlist',
      match: true,
    });
    expect(body.matches[0]!.explanation.map((e) => e.feature)).toContain('birth-date');
    expect(body.lists).toEqual([{ list: 'sample-watchlist', version: body.matches[0]!.listVersion }]);
    expect(body.algorithm).toMatch(/sentinela-match/);
  });

  it('returns no match for a party not on the list', async () => {
    const res = await api.as('analyst', '/screen', {
      method: 'POST',
      json: { party: { name: 'Margaret Thornbury' } },
    });
    const body = (await res.json()) as ScreenBody;
    expect(body.match).toBe(false);
    expect(body.matches.filter((m) => m.match)).toEqual([]);
  });

  it('names the field at fault in a malformed body', async () => {
    const missing = await api.as('analyst', '/screen', {
      method: 'POST',
      json: { party: { birthDate: '1966' } },
    });
    expect(missing.status).toBe(400);
    const problem = (await missing.json()) as { detail: string; errors: Array<{ field: string }> };
    expect(problem.errors.map((e) => e.field)).toContain('body.party.name');
    expect(problem.detail).toContain('body.party.name');

    const badDate = await api.as('analyst', '/screen', {
      method: 'POST',
      json: { party: { name: 'X', birthDate: '17/07/1966' } },
    });
    expect(((await badDate.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.party.birthDate',
    );

    const notJson = await api.as('analyst', '/screen', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"party": {"name": ',
    });
    expect(notJson.status).toBe(400);
    const text = await notJson.text();
    expect(text).toContain('not valid JSON');
    expect(text).not.toMatch(/at \w+ \(|node_modules|\/src\//);
  });

  it('refuses a body larger than the route accepts with 413', async () => {
    const small = await apiHarness({ maxJsonBytes: 1024 });
    try {
      const res = await small.as('analyst', '/screen', {
        method: 'POST',
        json: { party: { name: 'x'.repeat(400), id: 'y'.repeat(2000) } },
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    } finally {
      await small.close();
    }
  });

  it('rate-limits screening per caller with 429 and Retry-After', async () => {
    const limited = await apiHarness({ screeningRate: { perSecond: 0.5, burst: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await limited.as('analyst', '/screen', {
              method: 'POST',
              json: { party: { name: 'Abigael Gonzalez' } },
            })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 429, 429]);
      const other = await limited.as('supervisor', '/screen', {
        method: 'POST',
        json: { party: { name: 'Abigael Gonzalez' } },
      });
      expect(other.status).toBe(200);
      const refused = await limited.as('analyst', '/screen', {
        method: 'POST',
        json: { party: { name: 'x' } },
      });
      expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('is refused to roles that do not screen (admin, auditor)', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const res = await api.as(role, '/screen', { method: 'POST', json: { party: { name: 'x' } } });
      expect(res.status, role).toBe(403);
    }
  });
});

describe('POST /screen/batch', () => {
  it('screens every party in order and counts them', async () => {
    const parties = [
      { id: 'a', name: 'Sinaloa Cartel', schema: 'Organization' },
      { id: 'b', name: 'Margaret Thornbury' },
      { id: 'c', name: 'Guadalupe Fernandez Valencia', birthDate: '1960-10-29' },
    ];
    const res = await api.as('analyst', '/screen/batch', { method: 'POST', json: { parties } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: Array<{ id: string; match: boolean }>;
      counts: Record<string, number>;
    };
    expect(body.results.map((r) => [r.id, r.match])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    expect(body.counts).toEqual({ in: 3, screened: 3, matched: 2 });
  });

  it('rejects the whole batch naming the party and field at fault, and more than 1,000 parties', async () => {
    const res = await api.as('analyst', '/screen/batch', {
      method: 'POST',
      json: { parties: [{ name: 'ok' }, { name: 'ok' }, { name: '' }] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.parties.2.name',
    );
    const tooMany = await api.as('analyst', '/screen/batch', {
      method: 'POST',
      json: { parties: Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}` })) },
    });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.parties',
    );
  });
});
