/**
 * Matching inside one block (one HS6 between one exporter and one importer): the pairs first, as a
 * minimum-cost assignment over every candidate in the date window, then splits (one export, several
 * imports) and consolidations (several exports, one import) judged in the same currency of cost
 * against what they would displace. A group is adopted only when the whole block costs less with it,
 * so a look-alike pair cannot keep a split apart and a chance sum cannot break two good pairs.
 */
import { minCostAssignment } from './min-cost-assignment.js';
import type { MatchColumns } from './match-columns.js';
import { type PairCost, UNMATCHED_COST } from './pair-cost.js';

/** Exports and imports (indices into the two record arrays) judged to be the same goods. */
export interface MatchGroup {
  exports: number[];
  imports: number[];
}

/** Edges costing more than a record's best edge plus this are never in a good assignment. */
const PRUNE_MARGIN = 5;
/** How much cheaper than every alternative of both records a pair must be to be settled at once. */
const CLEAR_MARGIN = 4;
/** A pair costing this much carries a gap: its records look for a split or consolidation. */
const ANCHOR_COST = 2;
/** Counterparts considered for a split or consolidation into two, nearest in date first. */
const GROUP_CANDIDATES = 24;
/** Counterparts considered for a split or consolidation into three (the count grows as the cube). */
const TRIPLE_CANDIDATES = 10;
/** Most records on the "several" side of a split or consolidation. */
const MAX_PARTS = 3;
/** Rounds of looking for better groups (a move may free records that make another possible). */
const MOVE_ROUNDS = 2;

export interface BlockStats {
  candidatePairs: number;
  largestComponent: number;
}

/**
 * Matches the exports `be` and imports `bi` of one block (each sorted by date).
 *
 * @example
 * const groups = matchBlock(be, bi, ec, ic, cost, 300, stats);
 */
export function matchBlock(
  be: readonly number[],
  bi: readonly number[],
  ec: MatchColumns,
  ic: MatchColumns,
  cost: PairCost,
  maxExactComponent: number,
  stats: BlockStats,
): MatchGroup[] {
  const n = be.length;
  const m = bi.length;
  // Block-local groups: record → group, group → members and cost.
  const groupE = new Int32Array(n).fill(-1);
  const groupI = new Int32Array(m).fill(-1);
  const gE: number[][] = [];
  const gI: number[][] = [];
  const gCost: number[] = [];
  const gAlive: boolean[] = [];
  const addGroup = (es: number[], is: number[], c: number): void => {
    const g = gE.length;
    gE.push(es);
    gI.push(is);
    gCost.push(c);
    gAlive.push(true);
    for (const a of es) groupE[a] = g;
    for (const b of is) groupI[b] = g;
  };

  // Window of each export over the imports (both sorted by date).
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  {
    let lo = 0;
    for (let a = 0; a < n; a++) {
      const e = be[a]!;
      const first = ec.day[e]! - cost.maxLeadDays;
      const last = ec.day[e]! + cost.lagLimit(e);
      while (lo < m && ic.day[bi[lo]!]! < first) lo++;
      let hi = lo;
      while (hi < m && ic.day[bi[hi]!]! <= last) hi++;
      from[a] = lo;
      to[a] = hi;
    }
  }

  // 1. Pairs: candidates in the window, pruned to those near each record's best, solved per component.
  const edgesA: number[] = [];
  const edgesB: number[] = [];
  const edgesC: number[] = [];
  const bestA = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const bestB = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < n; a++) {
    const e = be[a]!;
    for (let b = from[a]!; b < to[a]!; b++) {
      const c = cost.pair(e, bi[b]!);
      stats.candidatePairs++;
      if (!(c < 2 * UNMATCHED_COST)) continue;
      edgesA.push(a);
      edgesB.push(b);
      edgesC.push(c);
      if (c < bestA[a]!) bestA[a] = c;
      if (c < bestB[b]!) bestB[b] = c;
    }
  }
  // Clear pairs — each the other's cheapest by a wide margin over any alternative — are settled at
  // once; the assignment then only arbitrates between records with rival candidates.
  const secondA = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const secondB = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const bestEdgeA = new Int32Array(n).fill(-1);
  const bestEdgeB = new Int32Array(m).fill(-1);
  for (let k = 0; k < edgesC.length; k++) {
    const a = edgesA[k]!;
    const b = edgesB[k]!;
    const c = edgesC[k]!;
    if (c === bestA[a] && bestEdgeA[a]! < 0) bestEdgeA[a] = k;
    else if (c < secondA[a]!) secondA[a] = c;
    if (c === bestB[b] && bestEdgeB[b]! < 0) bestEdgeB[b] = k;
    else if (c < secondB[b]!) secondB[b] = c;
  }
  for (let a = 0; a < n; a++) {
    const k = bestEdgeA[a]!;
    if (k < 0) continue;
    const b = edgesB[k]!;
    const c = edgesC[k]!;
    if (bestEdgeB[b] === k && c + CLEAR_MARGIN <= secondA[a]! && c + CLEAR_MARGIN <= secondB[b]!)
      addGroup([a], [b], c);
  }
  const keep: number[] = [];
  for (let k = 0; k < edgesC.length; k++) {
    const c = edgesC[k]!;
    if (groupE[edgesA[k]!]! >= 0 || groupI[edgesB[k]!]! >= 0) continue;
    if (c <= bestA[edgesA[k]!]! + PRUNE_MARGIN || c <= bestB[edgesB[k]!]! + PRUNE_MARGIN) keep.push(k);
  }
  solvePairs(keep);

  // 2. Splits and consolidations, where a record is unmatched or its pair carries a gap.
  for (let round = 0; round < MOVE_ROUNDS; round++) {
    let moved = false;
    for (let a = 0; a < n; a++) if (isAnchor(groupE[a]!) && trySplit(a)) moved = true;
    for (let b = 0; b < m; b++) if (isAnchor(groupI[b]!) && tryConsolidation(b)) moved = true;
    if (!moved) break;
  }

  const out: MatchGroup[] = [];
  for (let g = 0; g < gE.length; g++)
    if (gAlive[g]) out.push({ exports: gE[g]!.map((a) => be[a]!), imports: gI[g]!.map((b) => bi[b]!) });
  return out;

  function isAnchor(g: number): boolean {
    return g < 0 || (gCost[g]! >= ANCHOR_COST && gE[g]!.length === 1 && gI[g]!.length === 1);
  }

  function solvePairs(edges: number[]): void {
    if (edges.length === 0) return;
    const parent = new Int32Array(n + m);
    for (let k = 0; k < n + m; k++) parent[k] = k;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    for (const k of edges) {
      const ra = find(edgesA[k]!);
      const rb = find(n + edgesB[k]!);
      if (ra !== rb) parent[ra] = rb;
    }
    const components = new Map<number, number[]>();
    for (const k of edges) {
      const root = find(edgesA[k]!);
      const list = components.get(root);
      if (list) list.push(k);
      else components.set(root, [k]);
    }
    for (const list of components.values()) {
      if (list.length === 1) {
        const k = list[0]!;
        addGroup([edgesA[k]!], [edgesB[k]!], edgesC[k]!);
        continue;
      }
      const left = [...new Set(list.map((k) => edgesA[k]!))];
      const right = [...new Set(list.map((k) => edgesB[k]!))];
      const size = left.length + right.length;
      if (size > stats.largestComponent) stats.largestComponent = size;
      if (size <= maxExactComponent) {
        const li = new Map(left.map((v, x) => [v, x]));
        const ri = new Map(right.map((v, x) => [v, x]));
        const matrix = new Float64Array(left.length * right.length).fill(Number.POSITIVE_INFINITY);
        for (const k of list) matrix[li.get(edgesA[k]!)! * right.length + ri.get(edgesB[k]!)!] = edgesC[k]!;
        for (const [x, y] of minCostAssignment(left.length, right.length, matrix, UNMATCHED_COST).pairs)
          addGroup([left[x]!], [right[y]!], matrix[x * right.length + y]!);
      } else {
        // Too large to solve exactly: cheapest pairs first across the whole component (never first-come).
        const order = [...list].sort((x, y) => edgesC[x]! - edgesC[y]!);
        for (const k of order) {
          if (groupE[edgesA[k]!]! >= 0 || groupI[edgesB[k]!]! >= 0) continue;
          addGroup([edgesA[k]!], [edgesB[k]!], edgesC[k]!);
        }
      }
    }
  }

  /** The nearest-in-date counterparts of an export (imports in its window, same dimension). */
  function importsNear(a: number): number[] {
    const e = be[a]!;
    const pool: number[] = [];
    for (let b = from[a]!; b < to[a]!; b++) if (ic.dimension[bi[b]!] === ec.dimension[e]) pool.push(b);
    const day = ec.day[e]!;
    pool.sort((x, y) => Math.abs(ic.day[bi[x]!]! - day) - Math.abs(ic.day[bi[y]!]! - day));
    return pool.slice(0, GROUP_CANDIDATES);
  }

  function exportsNear(b: number): number[] {
    const i = bi[b]!;
    const pool: number[] = [];
    for (let a = 0; a < n; a++) {
      const e = be[a]!;
      if (ec.day[e]! > ic.day[i]! + cost.maxLeadDays) break;
      if (b >= from[a]! && b < to[a]! && ec.dimension[e] === ic.dimension[i]) pool.push(a);
    }
    const day = ic.day[i]!;
    pool.sort((x, y) => Math.abs(ec.day[be[x]!]! - day) - Math.abs(ec.day[be[y]!]! - day));
    return pool.slice(0, GROUP_CANDIDATES);
  }

  function trySplit(a: number): boolean {
    const e = be[a]!;
    const pool = importsNear(a);
    const qty = Float64Array.from(pool, (b) => ic.quantity[bi[b]!]!);
    const [lo, hi] = cost.sumRange(ec.quantity[e]!);
    const searched = lookElsewhere(pool.length);
    let best: { parts: number[]; gain: number } | undefined;
    forEachSubset(pool, qty, lo, hi, (parts) => {
      let q = 0;
      let h = 0;
      for (const b of parts) {
        q += ic.quantity[bi[b]!]!;
        h += ic.halfStep[bi[b]!]!;
      }
      if (!cost.sumsAgree(ec.quantity[e]!, ec.halfStep[e]!, q, h)) return;
      const gain = moveGain([a], parts) - searched;
      if (gain > 0 && (!best || gain > best.gain)) best = { parts: [...parts], gain };
    });
    if (!best) return false;
    applyMove([a], (best as { parts: number[] }).parts);
    return true;
  }

  function tryConsolidation(b: number): boolean {
    const i = bi[b]!;
    const pool = exportsNear(b);
    const qty = Float64Array.from(pool, (a) => ec.quantity[be[a]!]!);
    const [lo, hi] = cost.sumRange(ic.quantity[i]!);
    const searched = lookElsewhere(pool.length);
    let best: { parts: number[]; gain: number } | undefined;
    forEachSubset(pool, qty, lo, hi, (parts) => {
      let q = 0;
      let h = 0;
      for (const a of parts) {
        q += ec.quantity[be[a]!]!;
        h += ec.halfStep[be[a]!]!;
      }
      if (!cost.sumsAgree(q, h, ic.quantity[i]!, ic.halfStep[i]!)) return;
      const gain = moveGain(parts, [b]) - searched;
      if (gain > 0 && (!best || gain > best.gain)) best = { parts: [...parts], gain };
    });
    if (!best) return false;
    applyMove((best as { parts: number[] }).parts, [b]);
    return true;
  }

  /**
   * How much the block's cost falls if `as` and `bs` become one group: the groups they leave are
   * dissolved and the records those free pair with the best unmatched partner left, or stay unmatched.
   */
  function moveGain(as: number[], bs: number[]): number {
    const groupCost = cost.group(
      as.map((a) => be[a]!),
      bs.map((b) => bi[b]!),
    );
    if (!Number.isFinite(groupCost)) return Number.NEGATIVE_INFINITY;
    const plan = planMove(as, bs);
    return plan.before - (groupCost + plan.repairCost);
  }

  function planMove(as: number[], bs: number[]) {
    const touched = new Set<number>();
    let before = 0;
    for (const a of as) {
      const g = groupE[a]!;
      if (g < 0) before += UNMATCHED_COST;
      else touched.add(g);
    }
    for (const b of bs) {
      const g = groupI[b]!;
      if (g < 0) before += UNMATCHED_COST;
      else touched.add(g);
    }
    const inA = new Set(as);
    const inB = new Set(bs);
    const freedA: number[] = [];
    const freedB: number[] = [];
    for (const g of touched) {
      before += gCost[g]!;
      for (const a of gE[g]!) if (!inA.has(a)) freedA.push(a);
      for (const b of gI[g]!) if (!inB.has(b)) freedB.push(b);
    }
    // Freed records pair with an unmatched partner when that is cheaper than staying alone.
    let repairCost = 0;
    const repairs: Array<[number, number, number]> = [];
    const takenA = new Set<number>(as);
    const takenB = new Set<number>(bs);
    for (const a of freedA) {
      let bestB = -1;
      let bestC = UNMATCHED_COST * 2;
      for (let b = from[a]!; b < to[a]!; b++) {
        if (groupI[b]! >= 0 || takenB.has(b)) continue;
        const c = cost.pair(be[a]!, bi[b]!);
        if (c < bestC) [bestB, bestC] = [b, c];
      }
      if (bestB >= 0) {
        takenB.add(bestB);
        repairs.push([a, bestB, bestC]);
        repairCost += bestC - UNMATCHED_COST; // the partner was counted nowhere: it leaves the orphans
      } else repairCost += UNMATCHED_COST;
    }
    for (const b of freedB) {
      let bestA = -1;
      let bestC = UNMATCHED_COST * 2;
      for (let a = 0; a < n; a++) {
        if (groupE[a]! >= 0 || takenA.has(a) || b < from[a]! || b >= to[a]!) continue;
        const c = cost.pair(be[a]!, bi[b]!);
        if (c < bestC) [bestA, bestC] = [a, c];
      }
      if (bestA >= 0) {
        takenA.add(bestA);
        repairs.push([bestA, b, bestC]);
        repairCost += bestC - UNMATCHED_COST;
      } else repairCost += UNMATCHED_COST;
    }
    return { before, repairCost, touched, repairs };
  }

  function applyMove(as: number[], bs: number[]): void {
    const plan = planMove(as, bs);
    for (const g of plan.touched) {
      gAlive[g] = false;
      for (const a of gE[g]!) groupE[a] = -1;
      for (const b of gI[g]!) groupI[b] = -1;
    }
    addGroup(
      as,
      bs,
      cost.group(
        as.map((a) => be[a]!),
        bs.map((b) => bi[b]!),
      ),
    );
    for (const [a, b, c] of plan.repairs) addGroup([a], [b], c);
  }
}

/**
 * The price of having searched: among many candidate subsets one may add up by chance, so a group
 * found among n subsets must beat what it displaces by log n (the look-elsewhere effect).
 */
function lookElsewhere(k: number): number {
  const t = Math.min(k, TRIPLE_CANDIDATES);
  const subsets = (k * (k - 1)) / 2 + (MAX_PARTS >= 3 ? (t * (t - 1) * (t - 2)) / 6 : 0);
  return Math.log(Math.max(1, subsets));
}

/**
 * Subsets of two to MAX_PARTS members of `pool` whose quantities (`qty`, by pool position) add up
 * to within `lo`..`hi`, each passed to `visit` (the array is reused). Sums past `hi` are cut early.
 */
function forEachSubset(
  pool: readonly number[],
  qty: Float64Array,
  lo: number,
  hi: number,
  visit: (parts: number[]) => void,
): void {
  const k = pool.length;
  const two = [0, 0];
  const three = [0, 0, 0];
  for (let x = 0; x < k; x++) {
    const qx = qty[x]!;
    if (qx >= hi) continue;
    for (let y = x + 1; y < k; y++) {
      const qxy = qx + qty[y]!;
      if (qxy >= lo && qxy <= hi) {
        two[0] = pool[x]!;
        two[1] = pool[y]!;
        visit(two);
      }
      if (MAX_PARTS < 3 || y >= TRIPLE_CANDIDATES || qxy >= hi) continue;
      for (let z = y + 1; z < Math.min(k, TRIPLE_CANDIDATES); z++) {
        const q = qxy + qty[z]!;
        if (q < lo || q > hi) continue;
        three[0] = pool[x]!;
        three[1] = pool[y]!;
        three[2] = pool[z]!;
        visit(three);
      }
    }
  }
}
