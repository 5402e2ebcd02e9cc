/**
 * CDC's EARS C1, C2 and C3 (Hutwagner et al. 2003) as in R's `surveillance::earsC`: the count is
 * compared with mean + z·sd of a short moving baseline (7 periods; C2 skips the 2 most recent;
 * C3 adds up the excess of recent C2 statistics).
 */
import { normalQuantile } from '../math/normal-distribution.js';
import { type DetectionPoint, type DetectOptions, type Detector, evaluationRange } from './detector.js';

export type EarsMethod = 'C1' | 'C2' | 'C3';

export interface EarsOptions {
  method: EarsMethod;
  /** Baseline length (R default 7). */
  baseline?: number;
  /** R defaults: 0.001 for C1 and C2, 0.025 for C3. */
  alpha?: number;
  /**
   * Floor for the baseline standard deviation. R's default 0 makes a constant baseline (all zeros:
   * exactly the new-substance case) give a zero-width bound or, for C3, no answer at all.
   */
  minSigma?: number;
  /**
   * C3 only. `r-compatible` reproduces R: the current period's C2 is not counted, so C3 alarms
   * one period late. `textbook` (the default) sums C2 excesses over the current and two previous
   * periods, as CDC defines C3.
   */
  c3Mode?: 'textbook' | 'r-compatible';
}

interface BaselineStats {
  mean: number;
  sd: number;
}

/** Mean and sample sd (n − 1) of `count` values ending `lag` periods before t. */
function baselineStats(
  series: readonly number[],
  t: number,
  lag: number,
  count: number,
): BaselineStats | null {
  const first = t - lag - count + 1;
  if (first < 0) return null;
  let sum = 0;
  for (let i = first; i <= t - lag; i++) sum += series[i]!;
  const mean = sum / count;
  let ss = 0;
  for (let i = first; i <= t - lag; i++) ss += (series[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (count - 1)) };
}

/**
 * @example
 * const c1 = createEarsDetector({ method: 'C1' });
 * c1.detect([0, 1, 0, 2, 1, 0, 1, 9], { from: 7 })[0]?.alarm; // true
 */
export function createEarsDetector(options: EarsOptions): Detector {
  const baseline = options.baseline ?? 7;
  const method = options.method;
  const alpha = options.alpha ?? (method === 'C3' ? 0.025 : 0.001);
  const minSigma = options.minSigma ?? 0;
  const c3Mode = options.c3Mode ?? 'textbook';
  const z = normalQuantile(1 - alpha);
  const lag = method === 'C1' ? 1 : 3;
  const sigma = (sd: number) => Math.max(sd, minSigma);
  // JavaScript's Math.max(0, NaN) is NaN like R's pmax, so a zero-variance C3 stays "no answer".
  const c2 = (series: readonly number[], t: number): number => {
    const st = baselineStats(series, t, 3, baseline);
    return st ? (series[t]! - st.mean) / sigma(st.sd) : Number.NaN;
  };
  const name = `ears-${method.toLowerCase()}${method === 'C3' && c3Mode === 'r-compatible' ? '-r' : ''}`;
  return {
    name,
    version: '1',
    minimumHistory: baseline + (method === 'C1' ? 0 : method === 'C2' ? 2 : 4),
    detect(series: readonly number[], opts: DetectOptions): DetectionPoint[] {
      return evaluationRange(series, opts).map((t): DetectionPoint => {
        const observed = series[t]!;
        const st = baselineStats(series, t, lag, baseline);
        if (!st || (method === 'C3' && t < baseline + 4)) {
          return { period: t, observed, expected: null, upperbound: null, alarm: null };
        }
        if (method !== 'C3') {
          const upper = st.mean + z * sigma(st.sd);
          return { period: t, observed, expected: st.mean, upperbound: upper, alarm: observed > upper };
        }
        const excess = Math.max(0, c2(series, t - 2) - 1) + Math.max(0, c2(series, t - 1) - 1);
        const s = sigma(st.sd);
        if (c3Mode === 'r-compatible') {
          const upper = Math.max(0, observed + s * (z - excess));
          const alarm = Number.isNaN(upper) ? null : observed > upper;
          return {
            period: t,
            observed,
            expected: st.mean,
            upperbound: Number.isNaN(upper) ? null : upper,
            alarm,
          };
        }
        // Textbook: alarm when Σ max(0, C2 − 1) over t−2..t exceeds z. The bound is the count
        // that would make the current week tip it (≥ mean + s when the past two already do).
        const statistic = excess + Math.max(0, c2(series, t) - 1);
        if (Number.isNaN(statistic))
          return { period: t, observed, expected: st.mean, upperbound: null, alarm: null };
        const upper = st.mean + s * (1 + Math.max(0, z - excess));
        return { period: t, observed, expected: st.mean, upperbound: upper, alarm: statistic > z };
      });
    },
  };
}
