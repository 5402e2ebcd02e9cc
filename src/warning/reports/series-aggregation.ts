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
  counts: number[];
}

export interface Aggregation {
  unit: PeriodUnit;
  periods: string[];
  series: AggregatedSeries[];
  /** substance → period index → regions reporting it in that period. */
  regionsByPeriod: Map<string, Set<string>[]>;
}

/** `fentanyl|TX` — the subject of a warning alert. */
export function seriesSubject(substance: string, region: string): string {
  return `${substance}|${region}`;
}

/**
 * @param reports with substance names already normalised.
 */
export function aggregateReports(reports: readonly SubstanceReport[], unit: PeriodUnit): Aggregation {
  if (reports.length === 0) return { unit, periods: [], series: [], regionsByPeriod: new Map() };
  const keys = reports.map((r) => periodKey(r.date, unit));
  const sorted = [...new Set(keys)].sort();
  const periods = periodRange(sorted[0]!, sorted[sorted.length - 1]!, unit);
  const index = new Map(periods.map((p, i) => [p, i]));
  const bySeries = new Map<string, AggregatedSeries>();
  const regionsByPeriod = new Map<string, Set<string>[]>();
  const add = (substance: string, region: string, i: number, count: number) => {
    const key = seriesSubject(substance, region);
    let s = bySeries.get(key);
    if (!s) {
      s = { substance, region, counts: new Array<number>(periods.length).fill(0) };
      bySeries.set(key, s);
    }
    s.counts[i]! += count;
  };
  reports.forEach((r, n) => {
    const i = index.get(keys[n]!)!;
    add(r.substance, r.region, i, r.count);
    add(r.substance, allRegions, i, r.count);
    if (r.count > 0) {
      let perPeriod = regionsByPeriod.get(r.substance);
      if (!perPeriod) {
        perPeriod = periods.map(() => new Set<string>());
        regionsByPeriod.set(r.substance, perPeriod);
      }
      perPeriod[i]!.add(r.region);
    }
  });
  const series = [...bySeries.values()].sort(
    (a, b) => a.substance.localeCompare(b.substance) || a.region.localeCompare(b.region),
  );
  return { unit, periods, series, regionsByPeriod };
}
