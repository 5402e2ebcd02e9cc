/**
 * Run early warning over identification reports: substance names normalised through the synonym
 * table, rise, positivity, novelty and spread signals computed, and the signals recorded as alerts
 * in the queue (idempotent: the same data raises the same alerts once).
 */
import type { AlertSource, Stores } from '../core/index.js';
import type { EarlyWarningResult, SubstanceReport, SynonymTableData } from '../warning/index.js';

export interface EarlyWarningRunOptions {
  unit: 'week' | 'month' | 'year';
  /**
   * The substance synonym table (data/warning/substance-synonyms.json by default in the CLI);
   * absent when the names are already canonical (incident reports resolved through the catalog).
   */
  synonyms?: SynonymTableData;
  evaluatePeriods?: number;
  noveltyLookBack?: number;
  noveltyMinimumPrior?: number;
  /** The reports' files, with their hashes, kept on every alert. */
  sources: AlertSource[];
  /** Record the signals as alerts in these stores. */
  stores?: Stores;
}

export interface EarlyWarningRun extends EarlyWarningResult {
  /** Substance names the synonym table did not know (kept as written). */
  unmapped: string[];
  /** Set when alerts were recorded. */
  recorded?: { inserted: number; unchanged: number };
}

/**
 * @example
 * const run = await runEarlyWarningOnReports(parsed.accepted, { unit: 'week', synonyms, sources, stores });
 * run.alerts; // rise, novelty, spread and positivity signals as core Alerts
 */
export async function runEarlyWarningOnReports(
  accepted: readonly SubstanceReport[],
  options: EarlyWarningRunOptions,
): Promise<EarlyWarningRun> {
  const { SubstanceSynonyms, runEarlyWarning } = await import('../warning/index.js');
  const synonyms = options.synonyms && new SubstanceSynonyms(options.synonyms);
  const unmapped = new Set<string>();
  const reports = accepted.map((r) => {
    if (!synonyms) return { ...r, region: r.region.trim() };
    const n = synonyms.normalise(r.substance);
    if (!n.mapped) unmapped.add(n.name);
    return { ...r, substance: n.name, region: r.region.trim() };
  });
  const result = runEarlyWarning(reports, {
    unit: options.unit,
    evaluatePeriods: options.evaluatePeriods,
    noveltyLookBack: options.noveltyLookBack,
    noveltyMinimumPrior: options.noveltyMinimumPrior,
    sources: options.sources,
    createdAt: new Date().toISOString(),
  });
  const run: EarlyWarningRun = { ...result, unmapped: [...unmapped] };
  if (options.stores) run.recorded = await options.stores.alerts.append(result.alerts);
  return run;
}
