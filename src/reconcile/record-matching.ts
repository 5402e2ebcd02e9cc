/**
 * Mirror-record matching: which import declarations are the arrival of which export declarations.
 * Records are blocked by HS6 and the two parties (as the name matcher groups their spellings); the
 * ledgers' own noise is learnt from each export's closest candidate; then every block is matched as a
 * whole (pairs by minimum-cost assignment, then splits and consolidations adopted only where the
 * block costs less with them), so the pairing is the best overall rather than first-come.
 */
import { secondCoreFree } from '../core/index.js';
import type { BlockStats, MatchGroup } from './block-matching.js';
import type { LedgerTable } from './ledger-table.js';
import { assignParties, type MatchColumns, matchColumns } from './match-columns.js';
import { calibrateNoise, type NoiseCalibration, PairCost } from './pair-cost.js';
import { PairIds } from './pair-ids.js';
import { matchBlocks, PARALLEL_MATCH_RECORDS } from './parallel-block-matching.js';
import type { PartyDirectory } from './party-directory.js';
import type { ReconcileOptions } from './reconcile-options.js';

export type { MatchGroup } from './block-matching.js';
export { assignParties, type MatchColumns, matchColumns } from './match-columns.js';

export interface MatchResult {
  groups: MatchGroup[];
  unmatchedExports: number[];
  unmatchedImports: number[];
  /** Candidate pairs scored, for the summary. */
  candidatePairs: number;
  /** The noise learnt from the ledgers (quantity and value scales), for the evidence. */
  noise: NoiseCalibration;
  /** The usual log(import FOB / export FOB) of two currencies in a month, as learnt (see PairCost). */
  valueCentre: (exportCurrency: number, importCurrency: number, day: number) => number | undefined;
  /** Records in the largest connected group of candidates, for tuning `maxExactComponent`. */
  largestComponent: number;
  /** Blocks matched by the worker thread (0 when matched in this thread only). */
  workerBlocks: number;
}

/**
 * @example
 * const result = matchRecords(exports, imports, parties, DEFAULT_RECONCILE_OPTIONS);
 * result.groups[0]; // { exports: [0], imports: [3, 4] } — a split shipment
 */
export function matchRecords(
  exports: LedgerTable,
  imports: LedgerTable,
  parties: PartyDirectory,
  options: ReconcileOptions,
  columns?: { exports: MatchColumns; imports: MatchColumns; currencies: number },
): MatchResult {
  let ec: MatchColumns;
  let ic: MatchColumns;
  let currencyCount: number;
  if (columns) ({ exports: ec, imports: ic, currencies: currencyCount } = columns);
  else {
    const codes = { currencies: new Map<string, number>(), countries: new Map<string, number>() };
    ec = matchColumns(exports, options.freightInsuranceFactor, codes, parties);
    ic = matchColumns(imports, options.freightInsuranceFactor, codes, parties);
    parties.resolve();
    assignParties(ec, parties);
    assignParties(ic, parties);
    currencyCount = codes.currencies.size;
  }

  // Blocks: HS6 × exporter party × importer party (small-integer keys: no string per record).
  const partyPairs = new PairIds();
  const blockIds = new PairIds();
  const blockExports: number[][] = [];
  const blockImports: number[][] = [];
  const blockOf = (c: MatchColumns, k: number): number => {
    const b = blockIds.id(partyPairs.id(c.exporterParty[k]!, c.importerParty[k]!), c.hs6[k]!);
    if (b === blockExports.length) {
      blockExports.push([]);
      blockImports.push([]);
    }
    return b;
  };
  for (let k = 0; k < exports.length; k++) blockExports[blockOf(ec, k)]!.push(k);
  for (let k = 0; k < imports.length; k++) blockImports[blockOf(ic, k)]!.push(k);
  const byDayE = (a: number, b: number) => ec.day[a]! - ec.day[b]! || a - b;
  const byDayI = (a: number, b: number) => ic.day[a]! - ic.day[b]! || a - b;
  for (let b = 0; b < blockExports.length; b++) {
    blockExports[b]!.sort(byDayE);
    blockImports[b]!.sort(byDayI);
  }

  // The ledgers' noise, from each export's closest-quantity candidate.
  const probe = new PairCost(ec, ic, options, emptyNoise(), currencyCount);
  const closestE: number[] = [];
  const closestI: number[] = [];
  for (let b = 0; b < blockExports.length; b++) {
    const be = blockExports[b]!;
    const bi = blockImports[b]!;
    if (be.length === 0 || bi.length === 0) continue;
    let lo = 0;
    for (const e of be) {
      const first = ec.day[e]! - options.maxLeadDays;
      const last = ec.day[e]! + probe.lagLimit(e);
      while (lo < bi.length && ic.day[bi[lo]!]! < first) lo++;
      let best = -1;
      let bestR = Number.POSITIVE_INFINITY;
      for (let c = lo; c < bi.length; c++) {
        const i = bi[c]!;
        if (ic.day[i]! > last) break;
        if (ic.dimension[i] !== ec.dimension[e]) continue;
        // max(r, 1/r) orders candidates as |log r| does, without a logarithm per candidate.
        const ratio = ic.quantity[i]! / ec.quantity[e]!;
        const r = ratio >= 1 ? ratio : 1 / ratio;
        if (r < bestR) {
          best = i;
          bestR = r;
        }
      }
      if (best >= 0) {
        closestE.push(e);
        closestI.push(best);
      }
    }
  }
  const noise = calibrateNoise(
    ec,
    ic,
    Int32Array.from(closestE),
    Int32Array.from(closestI),
    currencyCount,
    options,
  );
  const cost = new PairCost(ec, ic, options, noise, currencyCount);

  const stats: BlockStats = { candidatePairs: 0, largestComponent: 0 };
  const result: MatchResult = {
    groups: [],
    unmatchedExports: [],
    unmatchedImports: [],
    candidatePairs: 0,
    noise,
    valueCentre: (curE, curI, day) => cost.valueCentre(curE, curI, day),
    largestComponent: 0,
    workerBlocks: 0,
  };
  const matchedE = new Uint8Array(exports.length);
  const matchedI = new Uint8Array(imports.length);
  const { perBlock, workerBlocks } = matchBlocks(
    blockExports,
    blockImports,
    ec,
    ic,
    cost,
    {
      options,
      noise,
      currencies: currencyCount,
      parallel:
        options.parallel ?? (exports.length + imports.length >= PARALLEL_MATCH_RECORDS && secondCoreFree()),
    },
    stats,
  );
  for (const groups of perBlock)
    for (const g of groups ?? []) {
      for (const e of g.exports) matchedE[e] = 1;
      for (const i of g.imports) matchedI[i] = 1;
      result.groups.push(g);
    }
  for (let e = 0; e < exports.length; e++) if (!matchedE[e]) result.unmatchedExports.push(e);
  for (let i = 0; i < imports.length; i++) if (!matchedI[i]) result.unmatchedImports.push(i);
  result.candidatePairs = stats.candidatePairs;
  result.largestComponent = stats.largestComponent;
  result.workerBlocks = workerBlocks;
  return result;
}

function emptyNoise(): NoiseCalibration {
  return {
    quantityScale: 1,
    valueCentre: new Map(),
    valueScale: new Map(),
    lagCost: new Float64Array(0),
    pairsUsed: 0,
  };
}
