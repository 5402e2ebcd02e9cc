/**
 * What every gap rule reads: both ledgers, their columns, the match, the parties, the goods'
 * weights, the options and the two ledgers' countries.
 */
import type { ControlledItems } from './controlled-items.js';
import type { LedgerTable } from './ledger-table.js';
import type { MatchColumns } from './match-columns.js';
import type { PartyDirectory } from './party-directory.js';
import type { ReconcileOptions } from './reconcile-options.js';
import type { MatchResult } from './record-matching.js';

export interface GapInput {
  exports: LedgerTable;
  imports: LedgerTable;
  columns: { exports: MatchColumns; imports: MatchColumns };
  match: MatchResult;
  parties: PartyDirectory;
  items: ControlledItems;
  options: ReconcileOptions;
  exportCountry: string;
  importCountry: string;
  /** The two countries as ids of the columns' `country` code book. */
  exportCountryId: number;
  importCountryId: number;
  /**
   * The usual log(import FOB / export FOB) for two currencies in the export's month (exchange
   * rate and freight), learnt by the matcher; undefined when the ledgers give no history.
   */
  valueCentre: (exportCurrency: number, importCurrency: number, day: number) => number | undefined;
}
