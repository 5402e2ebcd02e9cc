import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/index.js';
import { minCostAssignment } from './min-cost-assignment.js';

/** Every partial matching, for checking the solver on small cases. */
function bruteForce(n: number, m: number, cost: Float64Array, unmatched: number): number {
  let best = Number.POSITIVE_INFINITY;
  const usedRight = new Array<boolean>(m).fill(false);
  const visit = (i: number, total: number, paired: number): void => {
    if (i === n) {
      best = Math.min(best, total + (m - paired) * unmatched);
      return;
    }
    visit(i + 1, total + unmatched, paired);
    for (let j = 0; j < m; j++) {
      const c = cost[i * m + j]!;
      if (usedRight[j] || !Number.isFinite(c)) continue;
      usedRight[j] = true;
      visit(i + 1, total + c, paired + 1);
      usedRight[j] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('finds the cheapest pairing, leaving items unmatched when that is cheaper', () => {
    const rand = seededRandom(3);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rand() * 5);
      const m = 1 + Math.floor(rand() * 5);
      const cost = new Float64Array(n * m).map(() => (rand() < 0.3 ? Number.POSITIVE_INFINITY : rand() * 3));
      const r = minCostAssignment(n, m, cost, 1);
      expect(r.cost).toBeCloseTo(bruteForce(n, m, cost, 1), 9);
      const lefts = new Set(r.pairs.map((p) => p[0]));
      const rights = new Set(r.pairs.map((p) => p[1]));
      expect(lefts.size).toBe(r.pairs.length);
      expect(rights.size).toBe(r.pairs.length);
      for (const [i, j] of r.pairs) expect(Number.isFinite(cost[i * m + j]!)).toBe(true);
    }
  });

  it('does not let the first item take the second one’s partner', () => {
    // Left 0 is close to both; left 1 only to right 0. Greedy first-come would pair 0–0 and strand 1.
    const r = minCostAssignment(2, 2, Float64Array.of(0.1, 0.2, 0.15, Number.POSITIVE_INFINITY), 1);
    expect(r.pairs.sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
