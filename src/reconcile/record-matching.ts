/**
 * Mirror-record matching: which import declarations are the arrival of which export declarations.
 * Records are blocked by HS6 and the two parties (as the name matcher groups their spellings);
 * within a block every export–import pair inside the date window is a candidate scored on quantity,
 * value and lag; each connected group of candidates is solved as a minimum-cost assignment, so the
 * pairing is the best overall rather than first-come. Shipments split on arrival (one export, several
 * imports) and consolidated ones (several exports, one import) are then completed from the records
 * left unmatched in the block when they bring the quantities back into agreement.
 */
import type { LedgerRecord } from './ledger-record.js';
import { minCostAssignment } from './min-cost-assignment.js';
import type { PartyDirectory } from './party-directory.js';
import type { ReconcileOptions } from './reconcile-options.js';

/** Exports and imports (indices into the two record arrays) judged to be the same goods. */
export interface MatchGroup {
  exports: number[];
  imports: number[];
}

export interface MatchResult {
  groups: MatchGroup[];
  unmatchedExports: number[];
  unmatchedImports: number[];
  /** Candidate pairs scored, for the summary. */
  candidatePairs: number;
}

/** What leaving a record unmatched costs; a pair always costs less than leaving both unmatched. */
const UNMATCHED = 1;
/** Quantity agreement that a split or consolidation must reach to be accepted (log ratio). */
const COMPLETION_TOLERANCE = 0.01;
/** Cost of a lag of maxLagDays, against 1 for a quantity ratio of e (log ratio 1). */
const LAG_WEIGHT = 0.5;
/**
 * Quantities agreeing within this (log ratio, plus the ledgers' rounding) pair in the first pass;
 * wider than conversion rounding, narrower than the spread of one party pair's shipment sizes.
 */
const AGREEMENT_TOLERANCE = 0.02;
/** Records considered when completing a split or a consolidation, nearest in date first. */
const COMPLETION_CANDIDATES = 8;

/** Record columns the matcher reads, laid out once. */
export interface MatchColumns {
  day: Int32Array;
  quantity: Float64Array;
  halfStep: Float64Array;
  dimension: Uint8Array;
  /** Value on the FOB basis (CIF divided by 1 + the freight-and-insurance factor). */
  fob: Float64Array;
  currency: Int32Array;
  routed: Uint8Array;
  /** Interned spellings (PartyDirectory ids) of the exporter, the importer and the end user (-1: none). */
  exporterName: Int32Array;
  importerName: Int32Array;
  endUserName: Int32Array;
  /** The parties those spellings resolve to; filled by `assignParties` once the directory is resolved. */
  exporterParty: Int32Array;
  importerParty: Int32Array;
}

const dimensionCode = { mass: 0, volume: 1, count: 2 } as const;

/** Lays out the columns matching and gap detection read, with currencies interned in `currencies`. */
export function matchColumns(
  records: readonly LedgerRecord[],
  factor: number,
  currencies: Map<string, number>,
  parties: PartyDirectory,
): MatchColumns {
  const n = records.length;
  const c: MatchColumns = {
    day: new Int32Array(n),
    quantity: new Float64Array(n),
    halfStep: new Float64Array(n),
    dimension: new Uint8Array(n),
    fob: new Float64Array(n),
    currency: new Int32Array(n),
    routed: new Uint8Array(n),
    exporterName: new Int32Array(n),
    importerName: new Int32Array(n),
    endUserName: new Int32Array(n),
    exporterParty: new Int32Array(n),
    importerParty: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const r = records[k]!;
    c.day[k] = r.day;
    c.quantity[k] = r.baseQuantity;
    c.halfStep[k] = r.quantityHalfStep;
    c.dimension[k] = dimensionCode[r.dimension];
    c.fob[k] = r.valueBasis === 'CIF' ? r.value / (1 + factor) : r.value;
    let cur = currencies.get(r.currency);
    if (cur === undefined) {
      cur = currencies.size;
      currencies.set(r.currency, cur);
    }
    c.currency[k] = cur;
    c.routed[k] = r.via.length > 0 ? 1 : 0;
    c.exporterName[k] = parties.id(r.exporter);
    c.importerName[k] = parties.id(r.importer);
    c.endUserName[k] = r.endUser ? parties.id(r.endUser) : -1;
  }
  return c;
}

/** Fills the party columns from the resolved directory. */
export function assignParties(c: MatchColumns, parties: PartyDirectory): void {
  for (let k = 0; k < c.exporterName.length; k++) {
    c.exporterParty[k] = parties.party(c.exporterName[k]!);
    c.importerParty[k] = parties.party(c.importerName[k]!);
  }
}

/**
 * @example
 * const result = matchRecords(exports, imports, parties, DEFAULT_RECONCILE_OPTIONS);
 * result.groups[0]; // { exports: [0], imports: [3, 4] } — a split shipment
 */
export function matchRecords(
  exports: readonly LedgerRecord[],
  imports: readonly LedgerRecord[],
  parties: PartyDirectory,
  options: ReconcileOptions,
  columns?: { exports: MatchColumns; imports: MatchColumns },
): MatchResult {
  let ec: MatchColumns;
  let ic: MatchColumns;
  if (columns) ({ exports: ec, imports: ic } = columns);
  else {
    const currencies = new Map<string, number>();
    ec = matchColumns(exports, options.freightInsuranceFactor, currencies, parties);
    ic = matchColumns(imports, options.freightInsuranceFactor, currencies, parties);
    parties.resolve();
    assignParties(ec, parties);
    assignParties(ic, parties);
  }

  // Blocks: HS6 × exporter party × importer party.
  const blockIds = new Map<string, number>();
  const blockExports: number[][] = [];
  const blockImports: number[][] = [];
  const blockOf = (r: LedgerRecord, c: MatchColumns, k: number): number => {
    const key = `${r.hs6}|${c.exporterParty[k]}|${c.importerParty[k]}`;
    let b = blockIds.get(key);
    if (b === undefined) {
      b = blockExports.length;
      blockIds.set(key, b);
      blockExports.push([]);
      blockImports.push([]);
    }
    return b;
  };
  for (let k = 0; k < exports.length; k++) blockExports[blockOf(exports[k]!, ec, k)]!.push(k);
  for (let k = 0; k < imports.length; k++) blockImports[blockOf(imports[k]!, ic, k)]!.push(k);

  const result: MatchResult = { groups: [], unmatchedExports: [], unmatchedImports: [], candidatePairs: 0 };
  const lagLimit = (e: number): number =>
    options.maxLagDays + (ec.routed[e] ? options.routedExtraLagDays : 0);

  const pairCost = (e: number, i: number): number => {
    const lag = ic.day[i]! - ec.day[e]!;
    if (lag > lagLimit(e) || lag < -options.maxLeadDays) return Number.POSITIVE_INFINITY;
    // Long lags are rarer than short ones: among look-alikes, the nearer in time is preferred.
    let cost = (LAG_WEIGHT * Math.abs(lag)) / options.maxLagDays;
    if (ec.dimension[e] === ic.dimension[i])
      cost += Math.min(Math.abs(Math.log(ic.quantity[i]! / ec.quantity[e]!)), 1.5);
    else cost += 0.5;
    const ve = ec.fob[e]!;
    const vi = ic.fob[i]!;
    if (ec.currency[e] === ic.currency[i] && ve > 0 && vi > 0)
      cost += 0.3 * Math.min(Math.abs(Math.log(vi / ve)), 1.5);
    return cost;
  };

  const matchedE = new Uint8Array(exports.length);
  const matchedI = new Uint8Array(imports.length);
  const byDayE = (a: number, b: number) => ec.day[a]! - ec.day[b]!;
  const byDayI = (a: number, b: number) => ic.day[a]! - ic.day[b]!;

  for (let b = 0; b < blockExports.length; b++) {
    const be = blockExports[b]!;
    const bi = blockImports[b]!;
    if (be.length === 0 || bi.length === 0) continue;
    be.sort(byDayE);
    bi.sort(byDayI);
    const blockGroups: MatchGroup[] = [];
    // Pass 1: pairs whose quantities agree, solved globally, so a look-alike cannot take a partner.
    const agreed = assignBlock(be, bi, true);
    for (const g of agreed) take(g, blockGroups);
    // Shipments split on arrival or consolidated: the remaining records whose sums agree.
    if (agreed.length > 0) completeSplits(be, bi, agreed);
    completeUnmatched(be, bi, blockGroups);
    // Pass 2: what is left pairs on lag and value even when quantities differ (quantity gaps).
    for (const g of assignBlock(
      be.filter((e) => !matchedE[e]),
      bi.filter((i) => !matchedI[i]),
      false,
    ))
      take(g, blockGroups);
    for (const g of blockGroups) result.groups.push(g);
  }
  for (let e = 0; e < exports.length; e++) if (!matchedE[e]) result.unmatchedExports.push(e);
  for (let i = 0; i < imports.length; i++) if (!matchedI[i]) result.unmatchedImports.push(i);
  return result;

  function take(g: MatchGroup, out: MatchGroup[]): void {
    for (const e of g.exports) matchedE[e] = 1;
    for (const i of g.imports) matchedI[i] = 1;
    out.push(g);
  }

  /**
   * Candidate pairs of one block (records sorted by date), solved per connected group; `agreeing`
   * keeps only pairs whose quantities agree within the tolerance.
   */
  function assignBlock(be: number[], bi: number[], agreeing: boolean): MatchGroup[] {
    const out: MatchGroup[] = [];
    const n = be.length;
    const m = bi.length;
    if (n === 0 || m === 0) return out;
    const edgesE: number[] = [];
    const edgesI: number[] = [];
    const edgesC: number[] = [];
    let lo = 0;
    for (let a = 0; a < n; a++) {
      const e = be[a]!;
      const from = ec.day[e]! - options.maxLeadDays;
      const to = ec.day[e]! + lagLimit(e);
      while (lo < m && ic.day[bi[lo]!]! < from) lo++;
      for (let c = lo; c < m; c++) {
        const i = bi[c]!;
        if (ic.day[i]! > to) break;
        if (agreeing && !quantitiesAgree(e, i)) continue;
        const cost = pairCost(e, i);
        result.candidatePairs++;
        if (cost < 2 * UNMATCHED) {
          edgesE.push(a);
          edgesI.push(c);
          edgesC.push(cost);
        }
      }
    }
    if (edgesC.length === 0) return out;
    // Connected groups of candidates (exports 0..n-1, imports n..n+m-1).
    const parent = new Int32Array(n + m);
    for (let k = 0; k < n + m; k++) parent[k] = k;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    for (let k = 0; k < edgesC.length; k++) {
      const ra = find(edgesE[k]!);
      const rb = find(n + edgesI[k]!);
      if (ra !== rb) parent[ra] = rb;
    }
    const components = new Map<number, number[]>();
    for (let k = 0; k < edgesC.length; k++) {
      const root = find(edgesE[k]!);
      let list = components.get(root);
      if (!list) {
        list = [];
        components.set(root, list);
      }
      list.push(k);
    }
    for (const edges of components.values()) {
      if (edges.length === 1) {
        const k = edges[0]!;
        out.push({ exports: [be[edgesE[k]!]!], imports: [bi[edgesI[k]!]!] });
        continue;
      }
      const left = [...new Set(edges.map((k) => edgesE[k]!))];
      const right = [...new Set(edges.map((k) => edgesI[k]!))];
      if (left.length + right.length <= options.maxExactComponent) {
        const li = new Map(left.map((v, x) => [v, x]));
        const ri = new Map(right.map((v, x) => [v, x]));
        const cost = new Float64Array(left.length * right.length).fill(Number.POSITIVE_INFINITY);
        for (const k of edges) cost[li.get(edgesE[k]!)! * right.length + ri.get(edgesI[k]!)!] = edgesC[k]!;
        for (const [x, y] of minCostAssignment(left.length, right.length, cost, UNMATCHED).pairs)
          out.push({ exports: [be[left[x]!]!], imports: [bi[right[y]!]!] });
      } else {
        // Too large to solve exactly: best pairs first across the whole group (never first-come).
        const order = [...edges].sort((x, y) => edgesC[x]! - edgesC[y]!);
        const usedE = new Set<number>();
        const usedI = new Set<number>();
        for (const k of order) {
          if (usedE.has(edgesE[k]!) || usedI.has(edgesI[k]!)) continue;
          usedE.add(edgesE[k]!);
          usedI.add(edgesI[k]!);
          out.push({ exports: [be[edgesE[k]!]!], imports: [bi[edgesI[k]!]!] });
        }
      }
    }
    return out;
  }

  function quantityTolerance(e: number, i: number): number {
    return AGREEMENT_TOLERANCE + 2 * (ec.halfStep[e]! / ec.quantity[e]! + ic.halfStep[i]! / ic.quantity[i]!);
  }

  function quantitiesAgree(e: number, i: number): boolean {
    if (ec.dimension[e] !== ic.dimension[i]) return false;
    return Math.abs(Math.log(ic.quantity[i]! / ec.quantity[e]!)) <= quantityTolerance(e, i);
  }

  /**
   * Unmatched exports whose quantity several unmatched imports add up to (splits), and unmatched
   * imports that several unmatched exports add up to (consolidations): every candidate set is
   * found first, then the closest sums are taken first, so an early record cannot take the parts
   * of a later one.
   */
  function completeUnmatched(be: number[], bi: number[], out: MatchGroup[]): void {
    const options_: Array<{ gap: number; exports: number[]; imports: number[] }> = [];
    for (const e of be) {
      if (matchedE[e]) continue;
      const from = ec.day[e]! - options.maxLeadDays;
      const to = ec.day[e]! + lagLimit(e);
      const pool = bi.filter(
        (x) => !matchedI[x] && ic.dimension[x] === ec.dimension[e] && ic.day[x]! >= from && ic.day[x]! <= to,
      );
      const pick = bestCompletion(pool, ic, ec.day[e]!, 0, ec.quantity[e]!, COMPLETION_TOLERANCE, 2);
      if (pick) options_.push({ gap: pick.gap, exports: [e], imports: pick.set });
    }
    for (const i of bi) {
      if (matchedI[i]) continue;
      const pool = be.filter((x) => {
        if (matchedE[x] || ec.dimension[x] !== ic.dimension[i]) return false;
        const lag = ic.day[i]! - ec.day[x]!;
        return lag >= -options.maxLeadDays && lag <= lagLimit(x);
      });
      const pick = bestCompletion(pool, ec, ic.day[i]!, 0, ic.quantity[i]!, COMPLETION_TOLERANCE, 2);
      if (pick) options_.push({ gap: pick.gap, exports: pick.set, imports: [i] });
    }
    options_.sort((a, b) => a.gap - b.gap);
    for (const o of options_) {
      if (o.exports.some((e) => matchedE[e]) || o.imports.some((i) => matchedI[i])) continue;
      take({ exports: o.exports, imports: o.imports }, out);
    }
  }

  /** Adds unmatched records of the block to pairs whose quantities they complete. */
  function completeSplits(be: number[], bi: number[], groups: MatchGroup[]): void {
    for (const g of groups) {
      const e = g.exports[0]!;
      const i = g.imports[0]!;
      if (ec.dimension[e] !== ic.dimension[i]) continue;
      const qe = ec.quantity[e]!;
      const qi = ic.quantity[i]!;
      const tolerance = COMPLETION_TOLERANCE + (ec.halfStep[e]! / qe + ic.halfStep[i]! / qi) * 2;
      const before = Math.log(qi / qe);
      if (Math.abs(before) <= tolerance) continue;
      if (before < 0) {
        // Fewer goods arrived on this import than left: the rest may have arrived on other imports.
        const from = ec.day[e]! - options.maxLeadDays;
        const to = ec.day[e]! + lagLimit(e);
        const pool = bi.filter(
          (x) =>
            !matchedI[x] && ic.dimension[x] === ec.dimension[e] && ic.day[x]! >= from && ic.day[x]! <= to,
        );
        const pick = bestCompletion(pool, ic, ic.day[i]!, qi, qe, tolerance)?.set;
        if (pick) {
          for (const x of pick) {
            matchedI[x] = 1;
            g.imports.push(x);
          }
        }
      } else {
        // More arrived than this export shipped: other exports may have been consolidated into it.
        const pool = be.filter((x) => {
          if (matchedE[x] || ec.dimension[x] !== ic.dimension[i]) return false;
          const lag = ic.day[i]! - ec.day[x]!;
          return lag >= -options.maxLeadDays && lag <= lagLimit(x);
        });
        const pick = bestCompletion(pool, ec, ec.day[e]!, qe, qi, tolerance)?.set;
        if (pick) {
          for (const x of pick) {
            matchedE[x] = 1;
            g.exports.push(x);
          }
        }
      }
    }
  }
}

/**
 * The subset (up to three records, from the nearest in date) whose quantities added to `have`
 * bring it to `want` within the tolerance, closest first; undefined when none does.
 */
function bestCompletion(
  pool: number[],
  cols: MatchColumns,
  day: number,
  have: number,
  want: number,
  tolerance: number,
  minSize = 1,
): { set: number[]; gap: number } | undefined {
  if (pool.length < minSize) return undefined;
  const near = pool
    .sort((a, b) => Math.abs(cols.day[a]! - day) - Math.abs(cols.day[b]! - day))
    .slice(0, COMPLETION_CANDIDATES);
  let best: number[] | undefined;
  let bestGap = tolerance;
  const consider = (set: number[]): void => {
    let q = have;
    for (const x of set) q += cols.quantity[x]!;
    const gap = Math.abs(Math.log(q / want));
    if (gap <= bestGap) {
      bestGap = gap;
      best = set;
    }
  };
  const k = near.length;
  for (let a = 0; a < k; a++) {
    if (minSize <= 1) consider([near[a]!]);
    for (let b = a + 1; b < k; b++) {
      consider([near[a]!, near[b]!]);
      for (let c = b + 1; c < k; c++) consider([near[a]!, near[b]!, near[c]!]);
    }
  }
  return best ? { set: best, gap: bestGap } : undefined;
}
