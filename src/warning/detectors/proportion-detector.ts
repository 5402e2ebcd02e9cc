/**
 * The sibling of `Detector` for positivity: series of x positives out of n samples tested, judged
 * on the share positive so that more samples sent in is not mistaken for more of a drug.
 */
import type { DetectionPoint, DetectOptions } from './detector.js';

export interface ProportionPoint extends DetectionPoint {
  /** Samples tested in this period (the denominator n; `observed` is the positives x). */
  tested: number;
  /** The baseline share positive the detector expects (expected = expectedShare × tested). */
  expectedShare: number | null;
  /** The share above which this period alarms (upperbound / tested). */
  upperShare: number | null;
  /** P(X ≥ observed) under the baseline: small when the share is unusually high. */
  pValue: number | null;
}

export interface ProportionDetector {
  /** Short method name, e.g. `positivity`. */
  readonly name: string;
  /** Bumped when results for the same input can change. */
  readonly version: string;
  /** The earliest `from` this detector can evaluate (baseline plus guard band). */
  readonly minimumHistory: number;
  /**
   * One point per period from `from` to `to`; `positives[t] ≤ tested[t]`. Periods with nothing
   * tested carry no information: no bound, no alarm, and they are left out of baselines.
   */
  detect(positives: readonly number[], tested: readonly number[], options: DetectOptions): ProportionPoint[];
}
