/**
 * Fills an inspection capacity from scored declarations: the riskiest first, plus a reserved
 * exploration share (uncertain or random picks) so the model keeps seeing outcomes it is unsure
 * of and does not go blind under drift.
 */
import { seededRandom } from '../core/seeded-random.js';

/** How many inspections: a share of the declarations or an absolute count, per group. */
export type Capacity = { kind: 'percent'; value: number } | { kind: 'count'; value: number };

/** Capacity applies to all declarations together, or separately per day or per office/port. */
export type CapacityScope = 'all' | 'day' | 'office';

export interface RankItem {
  score: number;
  day: number;
  office: string;
}

export interface RankerOptions {
  capacity: Capacity;
  scope: CapacityScope;
  /** Share of each group's inspections reserved for exploration, in [0, 1). Default 0.1. */
  exploration: number;
  /** `uncertain`: scores closest to `boundary`; `random`: uniform among the rest (seeded). */
  explorationMode: 'uncertain' | 'random';
  /** Decision boundary for uncertainty (default 0.5). */
  boundary: number;
  seed: number;
}

export type SelectionReason = 'risk' | 'exploration-uncertain' | 'exploration-random';

export interface Selection {
  selected: boolean;
  reason: SelectionReason | '';
  /** Rank by score within the item's group (1 = riskiest). */
  rankInGroup: number;
}

export const defaultRankerOptions: RankerOptions = {
  capacity: { kind: 'percent', value: 5 },
  scope: 'all',
  exploration: 0.1,
  explorationMode: 'uncertain',
  boundary: 0.5,
  seed: 1,
};

/**
 * Parses a capacity written as `5%` or `120`.
 * @example parseCapacity('5%') // { kind: 'percent', value: 5 }
 */
export function parseCapacity(text: string): Capacity | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (m[2]) return value > 0 && value <= 100 ? { kind: 'percent', value } : undefined;
  return Number.isInteger(value) ? { kind: 'count', value } : undefined;
}

/** Inspections a group of `size` declarations gets. */
export function slotsFor(capacity: Capacity, size: number): number {
  if (capacity.kind === 'count') return Math.min(capacity.value, size);
  return Math.min(size, Math.round((size * capacity.value) / 100));
}

/**
 * Picks declarations to inspect. Each group gets its slots; `round(slots × exploration)` of them
 * go to exploration picks among the declarations not already picked for risk.
 * @example rankForInspection(items, { ...defaultRankerOptions, capacity: { kind: 'count', value: 10 } })
 */
export function rankForInspection(
  items: readonly RankItem[],
  options: Partial<RankerOptions> = {},
): Selection[] {
  const o = { ...defaultRankerOptions, ...options };
  if (!(o.exploration >= 0 && o.exploration < 1)) throw new RangeError('exploration must be in [0, 1)');
  const rand = seededRandom(o.seed);
  const out: Selection[] = items.map(() => ({ selected: false, reason: '', rankInGroup: 0 }));
  const groups = new Map<string | number, number[]>();
  items.forEach((item, i) => {
    const key = o.scope === 'all' ? 0 : o.scope === 'day' ? item.day : item.office;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    members.sort((a, b) => items[b]!.score - items[a]!.score || a - b);
    members.forEach((i, r) => {
      out[i]!.rankInGroup = r + 1;
    });
    const slots = slotsFor(o.capacity, members.length);
    const explore = Math.round(slots * o.exploration);
    const risk = slots - explore;
    for (let r = 0; r < risk; r++)
      out[members[r]!]! = { ...out[members[r]!]!, selected: true, reason: 'risk' };
    const rest = members.slice(risk);
    const picks =
      o.explorationMode === 'random'
        ? randomPicks(rest, explore, rand)
        : rest
            .map((i) => ({ i, distance: Math.abs(items[i]!.score - o.boundary), tie: rand() }))
            .sort((a, b) => a.distance - b.distance || a.tie - b.tie)
            .slice(0, explore)
            .map((x) => x.i);
    const reason: SelectionReason =
      o.explorationMode === 'random' ? 'exploration-random' : 'exploration-uncertain';
    for (const i of picks) out[i] = { ...out[i]!, selected: true, reason };
  }
  return out;
}

function randomPicks(pool: number[], n: number, rand: () => number): number[] {
  const a = pool.slice();
  for (let k = 0; k < Math.min(n, a.length); k++) {
    const j = k + Math.floor(rand() * (a.length - k));
    [a[k], a[j]] = [a[j]!, a[k]!];
  }
  return a.slice(0, n);
}
