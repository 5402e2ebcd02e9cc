/**
 * The one small contract every outbreak detector implements (EARS C1–C3, Farrington, Noufaily,
 * negative-binomial GLR): given a count series, say for each period from `from` on what was
 * expected, the bound above which a count is unusual, and whether this period alarms.
 */

export interface DetectOptions {
  /** First period (0-based index into the series) to evaluate; earlier ones are history only. */
  from: number;
  /** Last period to evaluate (0-based, inclusive); defaults to the end of the series. */
  to?: number;
}

export interface DetectionPoint {
  /** 0-based index into the series. */
  period: number;
  observed: number;
  /** The in-control mean the detector estimated, or null where it could not. */
  expected: number | null;
  /**
   * The count threshold (alarm when observed exceeds it), or null where the detector gives none
   * (too little history, Farrington's limit54). For GLR detectors: the GLR statistic, as in R.
   */
  upperbound: number | null;
  /** null where R gives NA (e.g. EARS C3 with a zero-variance baseline). */
  alarm: boolean | null;
}

export interface Detector {
  /** Short method name, e.g. `noufaily`, `ears-c1`. */
  readonly name: string;
  /** Bumped when results for the same input can change, so stored alerts say which version raised them. */
  readonly version: string;
  /** The earliest `from` this detector can evaluate (the history it needs). */
  readonly minimumHistory: number;
  detect(series: readonly number[], options: DetectOptions): DetectionPoint[];
}

/** The evaluation periods `from..to`, clipped to the series. */
export function evaluationRange(series: readonly number[], options: DetectOptions): number[] {
  const last = Math.min(options.to ?? series.length - 1, series.length - 1);
  const out: number[] = [];
  for (let t = Math.max(0, options.from); t <= last; t++) out.push(t);
  return out;
}
