/**
 * One reconciliation, start to end, in memory: parties resolved with the name matcher, records
 * matched globally, gaps judged against their baselines. Pure: the service reads the files and
 * stores the alerts.
 */
import { ControlledItems, type ControlledItemList } from './controlled-items.js';
import { detectGaps } from './gap-detection.js';
import type { LedgerRecord } from './ledger-record.js';
import { LedgerTable } from './ledger-table.js';
import { mirrorAggregate, type MirrorCell } from './mirror-aggregate.js';
import type { NoiseCalibration } from './pair-cost.js';
import { PartyDirectory } from './party-directory.js';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './reconcile-options.js';
import type { ReconcileGap } from './reconcile-gap.js';
import { codeId } from './match-columns.js';
import { assignParties, type MatchGroup, matchColumns, matchRecords } from './record-matching.js';

export interface ReconcileInput {
  /** The ledgers as read (tables), or as record objects. */
  exports: LedgerTable | readonly LedgerRecord[];
  imports: LedgerTable | readonly LedgerRecord[];
  controlledItems: ControlledItemList;
  options?: Partial<ReconcileOptions>;
  /** Also compute the aggregate mirror view. */
  aggregate?: boolean;
  /** Told when each stage starts, for a progress display. */
  onStage?: (stage: 'parties' | 'matching' | 'gaps' | 'aggregate') => void;
}

export interface ReconcileResult {
  gaps: ReconcileGap[];
  /** Matched groups and the records in them. */
  matched: { groups: number; exports: number; imports: number; splits: number; consolidations: number };
  unmatched: { exports: number; imports: number };
  exportCountry: string;
  importCountry: string;
  /** Distinct party spellings across both ledgers. */
  partySpellings: number;
  candidatePairs: number;
  options: ReconcileOptions;
  aggregate?: MirrorCell[];
  /** The matched groups (indices into the two record arrays), for callers that inspect the pairing. */
  groups: MatchGroup[];
  /** The noise the matcher learnt from the two ledgers. */
  noise: NoiseCalibration;
}

/** The most frequent country of a ledger, ties to the alphabetically first. */
function mostCommonCountry(table: LedgerTable): string | undefined {
  const counts = new Map<string, number>();
  for (let k = 0; k < table.length; k++) {
    const v = table.text[table.country[k]!]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts)
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) [best, bestCount] = [v, c];
  return best;
}

/**
 * @example
 * const result = reconcileLedgers({ exports, imports, controlledItems });
 * for (const gap of result.gaps) console.log(gap.kind, gap.evidence.summary);
 */
export function reconcileLedgers(input: ReconcileInput): ReconcileResult {
  const options: ReconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...input.options };
  const exports =
    input.exports instanceof LedgerTable ? input.exports : LedgerTable.fromRecords('export', input.exports);
  const imports =
    input.imports instanceof LedgerTable ? input.imports : LedgerTable.fromRecords('import', input.imports);
  const exportCountry = options.exportCountry ?? mostCommonCountry(imports) ?? '';
  const importCountry = options.importCountry ?? mostCommonCountry(exports) ?? '';

  input.onStage?.('parties');
  const parties = new PartyDirectory(options.partyThreshold);
  const codes = { currencies: new Map<string, number>(), countries: new Map<string, number>() };
  const columns = {
    exports: matchColumns(exports, options.freightInsuranceFactor, codes, parties),
    imports: matchColumns(imports, options.freightInsuranceFactor, codes, parties),
  };
  parties.resolve();
  assignParties(columns.exports, parties);
  assignParties(columns.imports, parties);

  input.onStage?.('matching');
  const match = matchRecords(exports, imports, parties, options, {
    ...columns,
    currencies: codes.currencies.size,
  });

  input.onStage?.('gaps');
  const gaps = detectGaps({
    exports,
    imports,
    columns,
    match,
    parties,
    items: new ControlledItems(input.controlledItems),
    options,
    exportCountry,
    importCountry,
    valueCentre: match.valueCentre,
    exportCountryId: codeId(codes.countries, exportCountry),
    importCountryId: codeId(codes.countries, importCountry),
  });

  let aggregate: MirrorCell[] | undefined;
  if (input.aggregate) {
    input.onStage?.('aggregate');
    aggregate = mirrorAggregate(exports, imports, exportCountry, importCountry, options);
  }
  let matchedExports = 0;
  let matchedImports = 0;
  let splits = 0;
  let consolidations = 0;
  for (const g of match.groups) {
    matchedExports += g.exports.length;
    matchedImports += g.imports.length;
    if (g.imports.length > 1) splits++;
    if (g.exports.length > 1) consolidations++;
  }
  return {
    gaps,
    matched: {
      groups: match.groups.length,
      exports: matchedExports,
      imports: matchedImports,
      splits,
      consolidations,
    },
    unmatched: { exports: match.unmatchedExports.length, imports: match.unmatchedImports.length },
    exportCountry,
    importCountry,
    partySpellings: parties.size,
    candidatePairs: match.candidatePairs,
    options,
    groups: match.groups,
    noise: match.noise,
    ...(aggregate ? { aggregate } : {}),
  };
}
