import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeclarations, parseIndicatorWeights } from '../targeting/index.js';
import { openStores } from '../store/index.js';
import { scoreDeclarations, targetingRuleName } from './index.js';

const data = join(import.meta.dirname, '../../data');

describe('scoreDeclarations', () => {
  it('files the crossings picked for inspection as targeting alerts naming their parties', async () => {
    const input = join(data, 'targeting/sample-crossings.csv');
    const { declarations } = readDeclarations(readFileSync(input, 'utf8'), input);
    const weightsPath = join(data, 'targeting/indicators.json');
    const weights = parseIndicatorWeights(readFileSync(weightsPath, 'utf8'), weightsPath);
    const stores = await openStores(':memory:');
    const options = {
      weights,
      top: 0,
      capacity: { kind: 'count', value: 5 } as const,
      scope: 'all' as const,
      exploration: 0.2,
      explorationMode: 'uncertain' as const,
      seed: 1,
      stores,
      recordAlerts: true,
      input,
    };
    const scored = await scoreDeclarations(declarations, options);
    const picked = scored.selection.filter((s) => s.selected).length;
    expect(picked).toBe(5);
    expect(scored.recorded).toEqual({ inserted: 5, unchanged: 0 });
    const { alerts } = await stores.alerts.list({ kind: 'targeting', sort: 'score' });
    expect(alerts).toHaveLength(5);
    const top = alerts[0]!;
    expect(top.rule).toEqual({ name: targetingRuleName, version: 'indicator rules' });
    expect(top.parties?.length).toBeGreaterThan(0);
    expect(top.evidence.summary).toMatch(/selected for inspection on risk: score \d\.\d{3}, rank 1/);
    expect(top.sources).toEqual([{ name: input }]);
    expect(alerts.some((a) => a.severity === 'low' && /exploration/.test(a.evidence.summary))).toBe(true);
    // The same file scored again raises nothing new.
    expect((await scoreDeclarations(declarations, options)).recorded).toEqual({ inserted: 0, unchanged: 5 });
    await stores.close();
  });
});
