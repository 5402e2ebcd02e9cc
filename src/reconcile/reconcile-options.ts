/**
 * The parameters of a reconciliation, with the defaults and why each is what it is. Every one
 * can be changed per run (CLI flags) and is recorded in each gap's evidence.
 */
export interface ReconcileOptions {
  /** Latest an import may be dated after its export (days): sea freight and customs take weeks. */
  maxLagDays: number;
  /** Earliest an import may be dated before its export (days): the two sides date documents differently. */
  maxLeadDays: number;
  /** Extra lag allowed when the export declares transit countries (days). */
  routedExtraLagDays: number;
  /** CIF = FOB × (1 + factor); the IMF's long-standing default is 0.10 (see ../shared/data/trade). */
  freightInsuranceFactor: number;
  /** Name-matcher score from which two spellings are one party (the screening default). */
  partyThreshold: number;
  /** Robust z (|log ratio − median| / (1.4826 MAD)) from which a quantity or value difference is a gap. */
  gapZ: number;
  /**
   * Smallest noise scale of a log quantity ratio: ledgers that agree exactly have a MAD of zero,
   * and a rounding or a conversion must not look infinitely unusual.
   */
  minQuantityScale: number;
  /** Smallest noise scale of a log value ratio (freight factors, exchange rates and rounding vary). */
  minValueScale: number;
  /** Matched groups a baseline needs before it is used; below it the next broader baseline is. */
  minBaselineGroups: number;
  /** Largest connected group of candidate pairs solved exactly; larger ones are assigned best-first. */
  maxExactComponent: number;
  /** The exporter ledger's country (ISO); inferred from the imports' declared origins when absent. */
  exportCountry?: string;
  /** The importer ledger's country; inferred from the exports' destinations when absent. */
  importCountry?: string;
  /**
   * Match blocks on two threads (same result, less wall time on two free cores). Default: from
   * 100,000 records on both sides together, when a second core is free (load average; the service
   * measures the cores' use while it reads the ledgers and decides itself).
   */
  parallel?: boolean;
}

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = {
  maxLagDays: 60,
  maxLeadDays: 7,
  routedExtraLagDays: 30,
  freightInsuranceFactor: 0.1,
  partyThreshold: 0.7,
  gapZ: 5,
  minQuantityScale: 0.02,
  minValueScale: 0.03,
  minBaselineGroups: 12,
  maxExactComponent: 300,
};

/** Bumped whenever matching or gap rules change, so stored alerts say which rules raised them. */
export const RECONCILE_VERSION = 'reconcile-1';
