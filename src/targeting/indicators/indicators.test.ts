import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { DeclarationHistory } from '../features/declaration-history.js';
import { declaration } from '../testing/declaration-fixtures.js';
import { IndicatorEngine } from './indicator-engine.js';
import { fillReason } from './indicator-rules.js';
import { parseIndicatorWeights } from './indicator-weights.js';

const defaultFile = resolve(import.meta.dirname, '../../../data/targeting/indicators.json');
const weights = parseIndicatorWeights(readFileSync(defaultFile, 'utf8'), defaultFile);

function historyOf(...rows: ReturnType<typeof declaration>[]): DeclarationHistory {
  const h = new DeclarationHistory();
  for (const d of rows) h.add(d);
  return h;
}

describe('indicator rules', () => {
  it('the default weight file is valid and hook rules are inactive without hooks', () => {
    const engine = new IndicatorEngine(weights);
    expect(engine.inactiveRules).toEqual(['watchlisted-party', 'controlled-goods']);
    const withHooks = new IndicatorEngine(weights, {
      isListedParty: () => ({ hit: false }),
      isControlledGoods: () => ({ hit: false }),
    });
    expect(withHooks.inactiveRules).toEqual([]);
  });

  it('fires new-party, new-commodity and departure≠origin rules with filled reasons', () => {
    const h = historyOf(
      ...[1, 2, 3].map((i) => declaration({ id: `h${i}`, importer: 'OLD', hs6: '440890', fraud: 0 })),
    );
    const engine = new IndicatorEngine(weights);
    const fresh = engine.evaluate(
      declaration({ importer: 'NEWCO', seller: 'S9', departureCountry: 'HK', originCountry: 'CN' }),
      h,
    );
    const names = fresh.fired.map((f) => f.name);
    expect(names).toContain('new-importer');
    expect(names).toContain('new-seller');
    expect(names).toContain('departure-differs-from-origin');
    expect(fresh.fired.find((f) => f.name === 'new-importer')!.reason).toBe(
      'importer NEWCO has 0 earlier declaration(s) (rarely seen: at most 1)',
    );
    expect(fresh.fired.find((f) => f.name === 'departure-differs-from-origin')!.reason).toBe(
      'shipped from HK but declared origin is CN',
    );
    const known = engine.evaluate(declaration({ importer: 'OLD', hs6: '851712' }), h);
    expect(known.fired.map((f) => f.reason)).toContain(
      'importer OLD never declared HS 851712 before in 3 earlier declaration(s)',
    );
    // Combined score is 1 − Π(1 − w).
    const expected = 1 - fresh.fired.reduce((keep, f) => keep * (1 - f.weight), 1);
    expect(fresh.score).toBeCloseTo(expected, 12);
  });

  it('flags a unit price far from its HS norm, robustly', () => {
    const past = Array.from({ length: 12 }, (_, i) =>
      declaration({ id: `p${i}`, hs6: '090111', netMassKg: 1000, value: 5000 + i * 100, fraud: 0 }),
    );
    past.push(declaration({ id: 'outlier', hs6: '090111', netMassKg: 1000, value: 9_000_000, fraud: 0 }));
    const engine = new IndicatorEngine(weights);
    const cheap = engine.evaluate(
      declaration({ hs6: '090111', netMassKg: 1000, value: 50 }),
      historyOf(...past),
    );
    const fired = cheap.fired.find((f) => f.name === 'unit-price-outlier');
    expect(fired?.reason).toMatch(/^value per kg 0.05 is far below the HS 090111 norm 5.6/);
    const normal = engine.evaluate(
      declaration({ hs6: '090111', netMassKg: 1000, value: 5500 }),
      historyOf(...past),
    );
    expect(normal.fired.map((f) => f.name)).not.toContain('unit-price-outlier');
  });

  it('flags a description that reads like another HS chapter', () => {
    const engine = new IndicatorEngine(weights);
    const h = new DeclarationHistory();
    const r = engine.evaluate(declaration({ hs6: '230990', description: 'Drying agent for piglets' }), h);
    expect(r.fired.find((f) => f.name === 'description-inconsistent-with-hs')?.reason).toBe(
      'description "Drying agent for piglets" mentions "drying agent" (HS chapter 38) but is declared under HS 230990 (chapter 23)',
    );
    const ok = engine.evaluate(declaration({ hs6: '220110', description: 'mineral water' }), h);
    expect(ok.fired.map((f) => f.name)).not.toContain('description-inconsistent-with-hs');
    const watermelon = engine.evaluate(declaration({ hs6: '080711', description: 'watermelons' }), h);
    expect(watermelon.fired.map((f) => f.name)).not.toContain('description-inconsistent-with-hs');
  });

  it('uses the hooks it is given', () => {
    const engine = new IndicatorEngine(weights, {
      isListedParty: (name, role) => ({ hit: name === 'BADCO', detail: `${role} matched test list` }),
      isControlledGoods: ({ hs6 }) => ({ hit: hs6 === '291439', detail: 'test precursor list' }),
    });
    const r = engine.evaluate(
      declaration({ seller: 'BADCO', hs6: '291439', description: 'chemical' }),
      new DeclarationHistory(),
    );
    const reasons = r.fired.map((f) => f.reason);
    expect(reasons).toContain('seller BADCO is on a watchlist: seller matched test list');
    expect(reasons).toContain('HS 291439 "chemical" is controlled goods: test precursor list');
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('leaves unknown placeholders visible', () => {
    expect(fillReason('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('weight file validation', () => {
  const base = JSON.parse(readFileSync(defaultFile, 'utf8')) as { rules: Record<string, unknown>[] };
  const withRule = (i: number, patch: Record<string, unknown>) =>
    JSON.stringify({ ...base, rules: base.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) }, null, 2);
  const errorOf = (text: string) => {
    try {
      parseIndicatorWeights(text, 'w.json');
    } catch (e) {
      return e as InputError;
    }
    throw new Error('expected an error');
  };

  it('names the file, the line of the rule and the field of a bad weight', () => {
    const text = withRule(2, { weight: 1.5 });
    const e = errorOf(text);
    expect(e).toBeInstanceOf(InputError);
    expect(e.field).toBe('rules[2].weight');
    expect(e.file).toBe('w.json');
    expect(text.split('\n')[e.line! - 1]).toContain(`"name": "${base.rules[2]!.name}"`);
    expect(e.message).toMatch(/^w\.json:\d+: field "rules\[2\]\.weight": /);
  });

  it('rejects unknown rule kinds, bad params, duplicate names and broken JSON', () => {
    expect(errorOf(withRule(0, { rule: 'gut-feeling' })).field).toBe('rules[0].rule');
    expect(errorOf(withRule(0, { params: { party: 'importer', maxSeen: -1 } })).field).toBe(
      'rules[0].params.maxSeen',
    );
    expect(errorOf(withRule(1, { name: base.rules[0]!.name })).field).toBe('rules[1].name');
    const broken = errorOf('{ "rules": [ }');
    expect(broken.file).toBe('w.json');
    expect(broken.message).toMatch(/^w\.json.*not valid JSON/);
  });
});
