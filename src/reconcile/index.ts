/**
 * Ledger reconciliation, the public face: read the exporter's and the importer's ledgers, match
 * mirror records globally despite lags, units, valuation, spellings and tariff detail, and report
 * the gaps (never imported, never exported, quantity and value beyond their baseline, end user not
 * the importer, re-routing) with evidence, controlled goods weighted above ordinary ones.
 */
export {
  type LedgerFormat,
  type LedgerReadOptions,
  type LedgerReadResult,
  ledgerFormatOf,
  readLedger,
} from './ledger-reader.js';
export { type LedgerColumns, LedgerTable } from './ledger-table.js';
export {
  EXPORT_COLUMNS,
  IMPORT_COLUMNS,
  ExportRowSchema,
  ImportRowSchema,
  type LedgerRecord,
  type LedgerSide,
} from './ledger-record.js';

export { PartyDirectory } from './party-directory.js';
export { PARALLEL_MATCH_RECORDS } from './parallel-block-matching.js';
export { minCostAssignment } from './min-cost-assignment.js';
export { matchRecords, type MatchGroup, type MatchResult } from './record-matching.js';
export {
  ControlledItemListSchema,
  ControlledItems,
  type ControlledItemList,
  controlledItemsFromGoodsCatalog,
  mergeControlledItems,
  ITEM_WEIGHT,
  type ItemTier,
} from './controlled-items.js';
export { DEFAULT_RECONCILE_OPTIONS, RECONCILE_VERSION, type ReconcileOptions } from './reconcile-options.js';
export { GAP_KINDS, type GapKind, gapAlert, makeGap, type ReconcileGap } from './reconcile-gap.js';
export { mirrorAggregate, type MirrorCell } from './mirror-aggregate.js';
export { reconcileLedgers, type ReconcileInput, type ReconcileResult } from './reconcile-ledgers.js';
export { median, robustCentre } from './robust-baseline.js';
