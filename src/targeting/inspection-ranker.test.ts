import { describe, expect, it } from 'vitest';
import { parseCapacity, type RankItem, rankForInspection } from './inspection-ranker.js';

// 3 days × 2 offices × 50 declarations, scores spread over [0, 1).
const items: RankItem[] = [];
for (let day = 0; day < 3; day++)
  for (const office of ['A', 'B'])
    for (let i = 0; i < 50; i++) items.push({ day, office, score: ((i * 37 + day * 11) % 100) / 100 });

const count = (sel: ReturnType<typeof rankForInspection>, f: (i: number) => boolean) =>
  sel.filter((s, i) => s.selected && f(i)).length;

describe('inspection ranker', () => {
  it('parses capacities', () => {
    expect(parseCapacity('5%')).toEqual({ kind: 'percent', value: 5 });
    expect(parseCapacity('120')).toEqual({ kind: 'count', value: 120 });
    expect(parseCapacity('0%')).toBeUndefined();
    expect(parseCapacity('1.5')).toBeUndefined();
    expect(parseCapacity('ten')).toBeUndefined();
  });

  it('fills exactly k % per day', () => {
    const sel = rankForInspection(items, {
      capacity: { kind: 'percent', value: 10 },
      scope: 'day',
      exploration: 0,
    });
    for (let day = 0; day < 3; day++) expect(count(sel, (i) => items[i]!.day === day)).toBe(10);
  });

  it('fills an absolute count per office, riskiest first', () => {
    const sel = rankForInspection(items, {
      capacity: { kind: 'count', value: 7 },
      scope: 'office',
      exploration: 0,
    });
    for (const office of ['A', 'B']) {
      expect(count(sel, (i) => items[i]!.office === office)).toBe(7);
      const picked = items.filter((it, i) => it.office === office && sel[i]!.selected).map((it) => it.score);
      const others = items.filter((it, i) => it.office === office && !sel[i]!.selected).map((it) => it.score);
      expect(Math.min(...picked)).toBeGreaterThanOrEqual(Math.max(...others));
    }
  });

  it('reserves the exploration share outside the top risk picks', () => {
    const sel = rankForInspection(items, {
      capacity: { kind: 'count', value: 20 },
      scope: 'all',
      exploration: 0.25,
      explorationMode: 'uncertain',
    });
    expect(sel.filter((s) => s.reason === 'risk')).toHaveLength(15);
    const explored = sel.map((s, i) => (s.reason === 'exploration-uncertain' ? i : -1)).filter((i) => i >= 0);
    expect(explored).toHaveLength(5);
    // Uncertain picks sit near the 0.5 boundary, not at the top.
    for (const i of explored) expect(Math.abs(items[i]!.score - 0.5)).toBeLessThanOrEqual(0.02);
  });

  it('makes random exploration reproducible with a seed and different with another', () => {
    const run = (seed: number) =>
      rankForInspection(items, {
        capacity: { kind: 'percent', value: 20 },
        exploration: 0.5,
        explorationMode: 'random',
        seed,
      })
        .map((s, i) => (s.reason === 'exploration-random' ? i : -1))
        .filter((i) => i >= 0);
    expect(run(4)).toEqual(run(4));
    expect(run(4)).toHaveLength(30);
    expect(run(4)).not.toEqual(run(5));
  });

  it('rejects an exploration share outside [0, 1)', () => {
    expect(() => rankForInspection(items, { exploration: 1 })).toThrow(RangeError);
  });
});
