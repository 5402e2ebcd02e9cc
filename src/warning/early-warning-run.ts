/**
 * The whole early-warning pass over normalised reports: aggregate to series, then raise rise
 * (detector alarms), novelty (first appearance) and spread (more regions) signals as shared alerts
 * with their evidence. Pure: the caller reads files and stores the alerts.
 */
import type { Alert, AlertSource } from '../core/alert.js';
import type { Detector } from './detectors/detector.js';
import { createDetector, createProportionDetector } from './detectors/detector-registry.js';
import { type PeriodUnit, periodsPerYear } from './reports/period-keys.js';
import { type Aggregation, aggregateReports, allRegions } from './reports/series-aggregation.js';
import type { SubstanceReport } from './reports/substance-report.js';
import { detectNovelty } from './signals/novelty.js';
import { positivityRiseAlert } from './signals/positivity-alert.js';
import { noveltyAlert, riseAlert, spreadAlert } from './signals/signal-alerts.js';
import { detectSpread } from './signals/spread.js';

export interface EarlyWarningOptions {
  unit: PeriodUnit;
  /** Raise rise and spread signals for the last this many periods (default: 26 weeks, 6 months, 1 year). */
  evaluatePeriods?: number;
  /** Novelty look-back (default: 8 weeks, 3 months, 1 year). */
  noveltyLookBack?: number;
  /** Periods of absence needed before a first appearance counts as new (default: 26 weeks, 6 months, 2 years). */
  noveltyMinimumPrior?: number;
  sources: AlertSource[];
  createdAt: string;
}

export interface EarlyWarningResult {
  aggregation: Aggregation;
  alerts: Alert[];
  /** Which detector judged rises for how many series (the choice depends on history length). */
  detectorUse: Record<string, number>;
}

const defaults: Record<PeriodUnit, { evaluate: number; lookBack: number; prior: number }> = {
  week: { evaluate: 26, lookBack: 8, prior: 26 },
  month: { evaluate: 6, lookBack: 3, prior: 6 },
  year: { evaluate: 1, lookBack: 1, prior: 2 },
};

/**
 * For count series (no samples-tested denominator): Noufaily where there are 5 years of history (the best FPR/POD trade-off in the benchmark);
 * otherwise EARS C2 with sd floored at 1, which stays sane on the sparse series of new substances;
 * nothing when even that has too little history.
 */
export function riseDetectorFor(historyPeriods: number, unit: PeriodUnit): Detector | null {
  const frequency = periodsPerYear[unit];
  if (frequency > 1) {
    const noufaily = createDetector('noufaily', { frequency });
    if (historyPeriods >= noufaily.minimumHistory) return noufaily;
  }
  const ears = createDetector('ears-c2', { minSigma: 1 });
  return historyPeriods >= ears.minimumHistory ? ears : null;
}

/**
 * @example
 * const { alerts } = runEarlyWarning(reports, { unit: 'week', sources: [], createdAt: new Date().toISOString() });
 */
export function runEarlyWarning(
  reports: readonly SubstanceReport[],
  options: EarlyWarningOptions,
): EarlyWarningResult {
  const unit = options.unit;
  const d = defaults[unit];
  const aggregation = aggregateReports(reports, unit);
  const { periods } = aggregation;
  const from = Math.max(0, periods.length - (options.evaluatePeriods ?? d.evaluate));
  const alerts: Alert[] = [];
  const detectorUse: Record<string, number> = {};
  const ctx = { periods, unit, sources: options.sources, createdAt: options.createdAt };
  const positivity = createProportionDetector('positivity');
  const regionsPerSubstance = new Map<string, number>();
  for (const s of aggregation.series) {
    if (s.region !== allRegions)
      regionsPerSubstance.set(s.substance, (regionsPerSubstance.get(s.substance) ?? 0) + 1);
  }

  for (const s of aggregation.series) {
    if (s.tested) {
      // With one region the all-regions series is the same numbers: one signal is enough.
      if (s.region === allRegions && (regionsPerSubstance.get(s.substance) ?? 0) <= 1) continue;
      // With a denominator the share positive is judged, not the count: more samples sent in is
      // not more of the drug. Periods with too little baseline get no judgement (null alarms).
      const tested = s.tested;
      const points = positivity.detect(s.counts, tested, { from });
      if (points.some((p) => p.alarm !== null))
        detectorUse[positivity.name] = (detectorUse[positivity.name] ?? 0) + 1;
      for (const p of points) {
        if (p.alarm === true)
          alerts.push(positivityRiseAlert(ctx, s.substance, s.region, positivity, p, s.counts, tested));
      }
      continue;
    }
    const detector = riseDetectorFor(from, unit);
    if (!detector) continue;
    detectorUse[detector.name] = (detectorUse[detector.name] ?? 0) + 1;
    for (const p of detector.detect(s.counts, { from })) {
      if (p.alarm === true) alerts.push(riseAlert(ctx, s.substance, s.region, detector, p, s.counts));
    }
  }

  const regionFirstActive = new Map<string, number>();
  for (const s of aggregation.series) {
    const first = s.counts.findIndex((c) => c > 0);
    if (first >= 0 && first < (regionFirstActive.get(s.region) ?? Number.POSITIVE_INFINITY)) {
      regionFirstActive.set(s.region, first);
    }
  }
  regionFirstActive.set(allRegions, 0);
  const novelty = detectNovelty(aggregation.series, {
    regionFirstActive,
    lookBack: options.noveltyLookBack ?? d.lookBack,
    minimumPrior: options.noveltyMinimumPrior ?? d.prior,
  });
  const regionCount = regionFirstActive.size - 1;
  for (const n of novelty) {
    // With one region the national series is the same series: one signal is enough.
    if (n.region === allRegions && regionCount <= 1) continue;
    alerts.push(noveltyAlert(ctx, n));
  }

  const spreadDetector = riseDetectorFor(from, unit);
  if (spreadDetector) {
    const multiRegion = new Map(
      [...aggregation.regionsByPeriod].filter(([, per]) => new Set(per.flatMap((r) => [...r])).size >= 2),
    );
    for (const sp of detectSpread(multiRegion, spreadDetector, from))
      alerts.push(spreadAlert(ctx, spreadDetector, sp));
  }
  return { aggregation, alerts, detectorUse };
}
