/**
 * The tuning of the Farrington family: the original algorithm (Farrington et al. 1996) and the
 * improved one (Noufaily et al. 2013), exactly as R `surveillance::farringtonFlexible` is run in
 * the reference benchmark.
 */

export interface FarringtonSettings {
  /** Years back used as reference. */
  b: number;
  /** Half-width of the window around the same week in past years. */
  w: number;
  /** 1: only the windows; > 1: all weeks, in a seasonal factor with this many levels. */
  noPeriods: number;
  reweight: boolean;
  /** Anscombe residuals above this are down-weighted as past outbreaks. */
  weightsThreshold: number;
  /** The most recent weeks left out of the baseline, so an emerging outbreak does not mask itself. */
  pastWeeksNotIncluded: number;
  trend: boolean;
  /** The trend is kept only if its p-value is below this (1 keeps it unless it extrapolates). */
  pThresholdTrend: number;
  /** `delta`: 2/3-power transform (original); `nbPlugin`: negative-binomial quantile (Noufaily). */
  thresholdMethod: 'delta' | 'nbPlugin';
  alpha: number;
  /** No alarm unless at least `cases` in the last `weeks` periods (R's `limit54`). */
  limit54: { cases: number; weeks: number };
  /** Periods per year (52 weekly, 12 monthly). */
  frequency: number;
}

/** Farrington et al. (1996) as in the R reference run (`thresholdMethod = "delta"`). */
export const farringtonSettings: FarringtonSettings = {
  b: 5,
  w: 3,
  noPeriods: 1,
  reweight: true,
  weightsThreshold: 1,
  pastWeeksNotIncluded: 3,
  trend: true,
  pThresholdTrend: 0.05,
  thresholdMethod: 'delta',
  alpha: 0.005,
  limit54: { cases: 5, weeks: 4 },
  frequency: 52,
};

/** Noufaily et al. (2013), the improved Farrington, as in the R reference run (`"nbPlugin"`). */
export const noufailySettings: FarringtonSettings = {
  ...farringtonSettings,
  noPeriods: 10,
  weightsThreshold: 2.58,
  pastWeeksNotIncluded: 26,
  pThresholdTrend: 1,
  thresholdMethod: 'nbPlugin',
};

/** The history (in periods) a setting needs before its first evaluable period. */
export function farringtonMinimumHistory(s: FarringtonSettings): number {
  return s.frequency * s.b + s.w;
}
