/**
 * Reports to count series per substance × region and nationally (region `*`), on one shared
 * calendar of periods with no gaps, so every series can go straight into a detector.
 */
import { type PeriodUnit, periodKey, periodRange } from './period-keys.js';
import type { SubstanceReport } from './substance-report.js';

/** Region name of the all-regions series. */
export const allRegions = '*';

export interface AggregatedSeries {
  substance: string;
  region: string;
  /** Positives (or reports) per period. */
  counts: number[];
  /**
   * Samples tested per period, present only when every row of the series carried `tested`, so
   * the series can be judged on positivity (counts[t] of tested[t]).
   */
  tested?: number[];
}

export interface Aggregation {
  unit: PeriodUnit;
  periods: string[];
  series: AggregatedSeries[];
  /** substance → period index → regions reporting it in that period. */
  regionsByPeriod: Map<string, Set<string>[]>;
  /** Subjects where some rows carried `tested` and others did not: judged on counts only. */
  mixedDenominators: string[];
}

/** `fentanyl|TX` — the subject of a warning alert. */
export function seriesSubject(substance: string, region: string): string {
  return `${substance}|${region}`;
}

/**
 * @param reports with substance names already normalised.
 */
export function aggregateReports(reports: readonly SubstanceReport[], unit: PeriodUnit): Aggregation {
  if (reports.length === 0)
    return { unit, periods: [], series: [], regionsByPeriod: new Map(), mixedDenominators: [] };
  const keys = reports.map((r) => periodKey(r.date, unit));
  const sorted = [...new Set(keys)].sort();
  const periods = periodRange(sorted[0]!, sorted[sorted.length - 1]!, unit);
  const index = new Map(periods.map((p, i) => [p, i]));
  const bySeries = new Map<string, AggregatedSeries>();
  const regionsByPeriod = new Map<string, Set<string>[]>();
  const tested = new Map<string, number[]>();
  const withoutTested = new Set<string>();
  const add = (substance: string, region: string, i: number, count: number, n: number | undefined) => {
    const key = seriesSubject(substance, region);
    let s = bySeries.get(key);
    if (!s) {
      s = { substance, region, counts: new Array<number>(periods.length).fill(0) };
      bySeries.set(key, s);
    }
    s.counts[i]! += count;
    if (n === undefined) {
      withoutTested.add(key);
      return;
    }
    let t = tested.get(key);
    if (!t) {
      t = new Array<number>(periods.length).fill(0);
      tested.set(key, t);
    }
    t[i]! += n;
  };
  reports.forEach((r, n) => {
    const i = index.get(keys[n]!)!;
    add(r.substance, r.region, i, r.count, r.tested);
    add(r.substance, allRegions, i, r.count, r.tested);
    if (r.count > 0) {
      let perPeriod = regionsByPeriod.get(r.substance);
      if (!perPeriod) {
        perPeriod = periods.map(() => new Set<string>());
        regionsByPeriod.set(r.substance, perPeriod);
      }
      perPeriod[i]!.add(r.region);
    }
  });
  const mixedDenominators: string[] = [];
  for (const [key, t] of tested) {
    if (withoutTested.has(key)) mixedDenominators.push(key);
    else bySeries.get(key)!.tested = t;
  }
  const series = [...bySeries.values()].sort(
    (a, b) => a.substance.localeCompare(b.substance) || a.region.localeCompare(b.region),
  );
  return { unit, periods, series, regionsByPeriod, mixedDenominators: mixedDenominators.sort() };
}
