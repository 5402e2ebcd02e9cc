import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, alertId } from '../core/index.js';
import { type ApiHarness, apiHarness } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness();
});
afterAll(async () => api.close());

function alert(
  i: number,
  kind: Alert['kind'],
  severity: Alert['severity'],
  sources: Alert['sources'] = [],
): Alert {
  const rule = { name: kind === 'warning' ? 'noufaily' : 'name-match', version: '1' };
  const subject = `party-${i % 7}`;
  return {
    id: alertId(kind, subject, rule, String(i)),
    kind,
    subject,
    rule,
    score: i / 100,
    severity,
    evidence: { summary: `alert ${i}`, data: { i } },
    sources,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  };
}

describe('list versions', () => {
  it('lists versions without server paths, pages entities, shows one, and diffs two versions', async () => {
    const versions = (await (await api.as('analyst', '/lists')).json()) as {
      versions: Array<{ id: number; list: string; entityCount: number; files: Array<{ name: string }> }>;
    };
    expect(versions.versions).toHaveLength(1);
    const v = versions.versions[0]!;
    expect(v).toMatchObject({ list: 'sample-watchlist', entityCount: 43 });
    expect(v.files[0]!.name).toBe('sample-watchlist.csv');
    expect(JSON.stringify(versions)).not.toContain(api.dir);

    const page1 = (await (await api.as('analyst', `/lists/versions/${v.id}/entities?limit=20`)).json()) as {
      entities: Array<{ id: string }>;
      next?: string;
    };
    expect(page1.entities).toHaveLength(20);
    const page2 = (await (
      await api.as('analyst', `/lists/versions/${v.id}/entities?limit=20&after=${page1.next}`)
    ).json()) as {
      entities: Array<{ id: string }>;
      next?: string;
    };
    const page3 = (await (
      await api.as('analyst', `/lists/versions/${v.id}/entities?limit=20&after=${page2.next}`)
    ).json()) as {
      entities: Array<{ id: string }>;
      next?: string;
    };
    expect(page3.next).toBeUndefined();
    const ids = [...page1.entities, ...page2.entities, ...page3.entities].map((e) => e.id);
    expect(new Set(ids).size).toBe(43);

    const one = await api.as('analyst', `/lists/versions/${v.id}/entities/OFAC-SDN-17674`);
    expect(((await one.json()) as { names: Array<{ full: string }> }).names[0]!.full).toBe(
      'OSEGUERA CERVANTES, Ruben',
    );
    expect((await api.as('analyst', `/lists/versions/${v.id}/entities/nope`)).status).toBe(404);
    expect((await api.as('analyst', '/lists/versions/999')).status).toBe(404);
    expect((await api.as('analyst', '/lists/versions/abc')).status).toBe(400);

    const diff = await api.as('analyst', `/lists/diff?from=${v.id}&to=${v.id}`);
    expect(((await diff.json()) as { counts: Record<string, number> }).counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 43,
    });
  });
});

describe('GET /alerts', () => {
  beforeAll(async () => {
    const alerts: Alert[] = [];
    for (let i = 0; i < 60; i++) {
      const kind = (['screening', 'warning', 'goods'] as const)[i % 3]!;
      const sources = kind === 'screening' ? [{ name: 'us-ofac-sdn', version: String(1 + (i % 2)) }] : [];
      alerts.push(alert(i, kind, i % 4 === 0 ? 'high' : 'low', sources));
    }
    await api.stores.alerts.append(alerts);
    await api.stores.alerts.setWorkflow([alerts[3]!.id, alerts[6]!.id], {
      status: 'in-review',
      assignee: 'ana',
    });
  });

  it('filters by kind, severity, status, subject, dates and list version, across engines', async () => {
    const read = async (query: string) =>
      (
        (await (await api.as('auditor', `/alerts?${query}`)).json()) as {
          alerts: Array<Record<string, unknown>>;
        }
      ).alerts;
    expect((await read('kind=warning&limit=1000')).every((a) => a.kind === 'warning')).toBe(true);
    expect(await read('kind=warning&limit=1000')).toHaveLength(20);
    expect((await read('severity=high&limit=1000')).length).toBe(15);
    expect((await read('status=in-review')).map((a) => a.assignee)).toEqual(['ana', 'ana']);
    expect((await read('subject=party-3&limit=1000')).every((a) => a.subject === 'party-3')).toBe(true);
    expect(await read('listVersion=us-ofac-sdn@2&limit=1000')).toHaveLength(10);
    expect(await read('from=2026-01-01T00:10:00Z&to=2026-01-01T00:19:00Z')).toHaveLength(10);
    expect(new Set((await read('limit=1000')).map((a) => a.kind))).toEqual(
      new Set(['screening', 'warning', 'goods']),
    );
  });

  it('pages with a cursor in each sort order, and rejects a foreign cursor naming the field', async () => {
    for (const sort of ['newest', 'oldest', 'score']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await api.as(
          'analyst',
          `/alerts?sort=${sort}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        const page = (await res.json()) as {
          alerts: Array<{ id: string; score: number }>;
          nextCursor?: string;
        };
        seen.push(...page.alerts.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(60);
    }
    const bad = await api.as('analyst', '/alerts?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors?: Array<{ field: string }> }).errors?.[0]?.field).toMatch(
      /cursor/,
    );
    expect((await api.as('analyst', '/alerts?severity=urgent')).status).toBe(400);
    expect((await api.as('analyst', '/alerts?limit=5000')).status).toBe(400);
  });

  it('shows one alert with its workflow, 404 for an unknown one', async () => {
    const { alerts } = (await (await api.as('analyst', '/alerts?status=in-review&limit=1')).json()) as {
      alerts: Array<{ id: string }>;
    };
    const one = (await (await api.as('analyst', `/alerts/${alerts[0]!.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(one).toMatchObject({ status: 'in-review', assignee: 'ana' });
    expect((await api.as('analyst', '/alerts/warning-000')).status).toBe(404);
  });
});
