/**
 * "New here": a substance reported for the first time in a region (or nationally) within the last
 * `lookBack` periods, after at least `minimumPrior` periods of data in which it was absent there.
 */
import type { AggregatedSeries } from '../reports/series-aggregation.js';

export interface NoveltyOptions {
  /** Only first appearances within the last this many periods are signalled. */
  lookBack: number;
  /** Periods of data before the first appearance needed for "first" to mean anything. */
  minimumPrior: number;
  /**
   * First period in which each region reported anything. When given, the absence only counts from
   * there: a region that only started reporting cannot have "new" substances (UNODC reporting is
   * voluntary and patchy).
   */
  regionFirstActive?: ReadonlyMap<string, number>;
}

export interface NoveltySignal {
  substance: string;
  region: string;
  /** Index of the first period with a report. */
  period: number;
  count: number;
  /** Periods of data before it in which the substance was absent from this region. */
  absentPeriods: number;
}

/**
 * @example
 * detectNovelty([{ substance: 'xylazine', region: 'TX', counts: [0, 0, 0, 2] }], { lookBack: 2, minimumPrior: 3 });
 * // [{ substance: 'xylazine', region: 'TX', period: 3, count: 2, absentPeriods: 3 }]
 */
export function detectNovelty(series: readonly AggregatedSeries[], options: NoveltyOptions): NoveltySignal[] {
  const out: NoveltySignal[] = [];
  for (const s of series) {
    const first = s.counts.findIndex((c) => c > 0);
    const absentPeriods = first - (options.regionFirstActive?.get(s.region) ?? 0);
    if (first < 0 || absentPeriods < options.minimumPrior) continue;
    if (first < s.counts.length - options.lookBack) continue;
    out.push({
      substance: s.substance,
      region: s.region,
      period: first,
      count: s.counts[first]!,
      absentPeriods,
    });
  }
  return out;
}
