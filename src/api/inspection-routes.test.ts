/** GET /inspections: targeting alerts filtered by port and day, reasons read back, exploration marked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetingAlerts } from '../services/targeting-alerts.js';
import type { Declaration, DeclarationScore, Selection } from '../targeting/index.js';
import { type ApiHarness, apiHarness } from './testing/api-test-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness();
  const rows: Array<[string, string, string, number, Selection]> = [
    ['X-1', '2024-03-01', 'El Paso TX', 0.91, { selected: true, reason: 'risk', rankInGroup: 1 }],
    [
      'X-2',
      '2024-03-01',
      'El Paso TX',
      0.52,
      { selected: true, reason: 'exploration-uncertain', rankInGroup: 9 },
    ],
    ['X-3', '2024-03-01', 'Laredo TX', 0.7, { selected: true, reason: 'risk', rankInGroup: 1 }],
    ['X-4', '2024-03-02', 'El Paso TX', 0.6, { selected: true, reason: 'risk', rankInGroup: 1 }],
    ['X-5', '2024-03-01', 'El Paso TX', 0.1, { selected: false, reason: '', rankInGroup: 20 }],
  ];
  const declarations = rows.map(
    ([id, date, office]) =>
      ({
        id,
        date,
        office,
        hs6: '300490',
        importer: 'Imp',
        seller: '',
        declarant: '',
        courier: '',
      }) as Declaration,
  );
  const scores = rows.map(
    ([id, , , score]) =>
      ({
        id,
        score,
        model: score,
        rules: 0.2,
        critical: Number.NaN,
        fired: [{ name: 'new-importer', weight: 0.2, reason: 'importer Imp has 0 earlier declaration(s)' }],
        contributions: [{ feature: 'hs6', logOdds: 0.8, value: 300490 }],
      }) as unknown as DeclarationScore,
  );
  await api.stores.alerts.append(
    targetingAlerts(
      declarations,
      scores,
      rows.map((r) => r[4]),
      { createdAt: '2026-01-01T00:00:00.000Z' },
    ),
  );
});
afterAll(async () => api.close());

describe('GET /inspections', () => {
  it('lists one port and day: risk picks by score, then exploration, with rules and model reasons', async () => {
    const res = await api.as('analyst', '/inspections?port=El%20Paso%20TX&day=2024-03-01');
    expect(res.status).toBe(200);
    const list = (await res.json()) as {
      picks: Array<{
        declarationId: string;
        reason: string;
        firedRules: Array<{ name: string }>;
        modelReasons: Array<{ feature: string }>;
      }>;
      ports: string[];
      days: string[];
      scanned: number;
    };
    expect(list.picks.map((p) => [p.declarationId, p.reason])).toEqual([
      ['X-1', 'risk'],
      ['X-2', 'exploration'],
    ]);
    expect(list.picks[0]!.firedRules[0]!.name).toBe('new-importer');
    expect(list.picks[0]!.modelReasons[0]!.feature).toBe('hs6');
    expect(list.ports).toEqual(['El Paso TX', 'Laredo TX']);
    expect(list.days).toEqual(['2024-03-01', '2024-03-02']);
    expect(list.scanned).toBe(4);
  });

  it('without a port lists every port of the day', async () => {
    const list = (await (await api.as('analyst', '/inspections?day=2024-03-01')).json()) as {
      picks: Array<{ declarationId: string }>;
    };
    expect(list.picks.map((p) => p.declarationId)).toEqual(['X-1', 'X-3', 'X-2']);
  });

  it('rejects a malformed day and refuses without credentials', async () => {
    expect((await api.as('analyst', '/inspections?day=March')).status).toBe(400);
    expect((await api.app.request('/inspections')).status).toBe(401);
  });
});
