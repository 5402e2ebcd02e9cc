/**
 * The whole early-warning pass over normalised reports: aggregate to series, then raise rise
 * (detector alarms), novelty (first appearance) and spread (more regions) signals as shared alerts
 * with their evidence. Pure: the caller reads files and stores the alerts.
 */
import { type Alert, type AlertSource, alertId } from '../core/alert.js';
import type { DetectionPoint, Detector } from './detectors/detector.js';
import { createDetector } from './detectors/detector-registry.js';
import { type PeriodUnit, periodsPerYear } from './reports/period-keys.js';
import {
  type Aggregation,
  aggregateReports,
  allRegions,
  seriesSubject,
} from './reports/series-aggregation.js';
import type { SubstanceReport } from './reports/substance-report.js';
import { detectNovelty } from './signals/novelty.js';
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
 * Noufaily where there are 5 years of history (the best FPR/POD trade-off in the benchmark);
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

function recentCounts(periods: string[], counts: number[], end: number, length = 8): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = Math.max(0, end - length + 1); i <= end; i++) out[periods[i]!] = counts[i]!;
  return out;
}

function round(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(6));
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
  const base = { kind: 'warning' as const, sources: options.sources, createdAt: options.createdAt };

  const rise = (subject: string, detector: Detector, p: DetectionPoint, counts: number[], what: string) => {
    const rule = { name: detector.name, version: detector.version };
    const score = p.upperbound && p.upperbound > 0 ? p.observed / p.upperbound : p.observed;
    alerts.push({
      ...base,
      id: alertId('warning', subject, rule, periods[p.period]!),
      subject,
      rule,
      score: Number(score.toPrecision(4)),
      severity: score >= 2 ? 'high' : 'medium',
      evidence: {
        summary: `${what} ${subject.replace('|*', ' (all regions)').replace('|', ' in ')}: ${p.observed} in ${periods[p.period]}, above the ${detector.name} bound ${round(p.upperbound)} (expected ${round(p.expected)})`,
        data: {
          signal: 'rise',
          period: periods[p.period],
          observed: p.observed,
          expected: round(p.expected),
          upperbound: round(p.upperbound),
          detector: detector.name,
          recent: recentCounts(periods, counts, p.period),
        },
      },
    });
  };

  for (const s of aggregation.series) {
    const detector = riseDetectorFor(from, unit);
    if (!detector) continue;
    detectorUse[detector.name] = (detectorUse[detector.name] ?? 0) + 1;
    for (const p of detector.detect(s.counts, { from })) {
      if (p.alarm === true) rise(seriesSubject(s.substance, s.region), detector, p, s.counts, 'Rise of');
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
    const subject = seriesSubject(n.substance, n.region);
    const rule = { name: 'novelty', version: '1' };
    const where = n.region === allRegions ? 'anywhere in the data' : `in ${n.region}`;
    alerts.push({
      ...base,
      id: alertId('warning', subject, rule, periods[n.period]!),
      subject,
      rule,
      score: n.count,
      severity: n.region === allRegions ? 'high' : 'medium',
      evidence: {
        summary: `New: ${n.substance} reported for the first time ${where} in ${periods[n.period]} (${n.count} report${n.count === 1 ? '' : 's'}; absent for the ${n.absentPeriods} ${unit}s before, while ${n.region === allRegions ? 'the data' : 'the region'} was reporting)`,
        data: {
          signal: 'novelty',
          period: periods[n.period],
          count: n.count,
          absentPeriods: n.absentPeriods,
          firstPeriodInData: periods[0],
        },
      },
    });
  }

  const spreadDetector = riseDetectorFor(from, unit);
  if (spreadDetector) {
    const multiRegion = new Map(
      [...aggregation.regionsByPeriod].filter(([, per]) => new Set(per.flatMap((r) => [...r])).size >= 2),
    );
    for (const sp of detectSpread(multiRegion, spreadDetector, from)) {
      const subject = `${sp.substance}|regions`;
      const rule = { name: `spread-${spreadDetector.name}`, version: spreadDetector.version };
      const p = sp.point;
      const score = p.upperbound && p.upperbound > 0 ? p.observed / p.upperbound : p.observed;
      alerts.push({
        ...base,
        id: alertId('warning', subject, rule, periods[p.period]!),
        subject,
        rule,
        score: Number(score.toPrecision(4)),
        severity: sp.newRegions.length > 0 ? 'high' : 'medium',
        evidence: {
          summary: `Spreading: ${sp.substance} reported in ${p.observed} regions in ${periods[p.period]} (bound ${round(p.upperbound)}), ${sp.newRegions.length} of them for the first time${sp.newRegions.length ? `: ${sp.newRegions.join(', ')}` : ''}`,
          data: {
            signal: 'spread',
            period: periods[p.period],
            regions: sp.regions,
            newRegions: sp.newRegions,
            expected: round(p.expected),
            upperbound: round(p.upperbound),
          },
        },
      });
    }
  }
  return { aggregation, alerts, detectorUse };
}
