/**
 * Rise detection on positivity (x positives of n samples tested): the current share is tested
 * against the share in an EARS-like baseline window before a guard band, with the between-period
 * overdispersion of that baseline, through a beta-binomial predictive distribution. See
 * docs/early-warning.md for why this shape and what the false-alarm rate is.
 */
import { betaBinomialQuantile, betaBinomialUpperTail } from '../math/beta-binomial.js';
import { normalQuantile } from '../math/normal-distribution.js';
import { evaluationRange } from './detector.js';
import type { ProportionDetector, ProportionPoint } from './proportion-detector.js';

export interface PositivityOptions {
  /** Baseline periods (default 7, as EARS). */
  baseline?: number;
  /** Most recent periods left out of the baseline, so a rise does not hide itself (default 2, as EARS C2). */
  guard?: number;
  /** One-sided false-alarm probability per period under the baseline (default 0.005, Noufaily's). */
  alpha?: number;
  /** Baseline periods with samples tested needed for any judgement (default 3). */
  minBaselinePeriods?: number;
  /**
   * Confidence of the upper bound taken on the overdispersion (default 0.8; 0 = plug-in). Seven
   * baseline periods estimate ρ poorly and a plug-in underestimates it most of the time: in the
   * simulation (docs/early-warning.md) on a steady 30 % share the plug-in alarmed in up to 2.5 % of
   * periods at a nominal 0.5 %, the 80 % upper bound in 0.1–0.8 %.
   */
  dispersionConfidence?: number;
}

/** The baseline's share and how much more it varies between periods than sampling alone explains. */
export interface PositivityBaseline {
  /** Σ positives / Σ tested over baseline periods with samples. */
  share: number;
  tested: number;
  periods: number;
  /** Σ n_i² / Σ n_i: the sample-weighted mean batch size, for the design effect. */
  weightedMeanTested: number;
  /**
   * Intra-period correlation ρ (0 = binomial): the method-of-moments estimate from the Pearson
   * residuals of the baseline, floored at 0.
   */
  overdispersion: number;
}

/** χ² quantile by Wilson and Hilferty's cube-root normal approximation (within 1–2 % from 2 df up). */
function chiSquareQuantile(p: number, df: number): number {
  const v = 2 / (9 * df);
  return df * Math.max(0, 1 - v + normalQuantile(p) * Math.sqrt(v)) ** 3;
}

/** Baseline share and overdispersion from periods `first..last` (inclusive) that have samples. */
export function positivityBaseline(
  positives: readonly number[],
  tested: readonly number[],
  first: number,
  last: number,
  dispersionConfidence = 0,
): PositivityBaseline {
  let n = 0;
  let x = 0;
  let n2 = 0;
  let periods = 0;
  for (let i = first; i <= last; i++) {
    if (tested[i]! <= 0) continue;
    n += tested[i]!;
    x += positives[i]!;
    n2 += tested[i]! ** 2;
    periods++;
  }
  const share = n > 0 ? x / n : 0;
  let overdispersion = 0;
  if (periods >= 2 && share > 0 && share < 1) {
    // E[Σ (x_i − n_i p̂)² / pq] = Σ n_i c_i (1 + (n_i − 1) ρ), c_i = 1 − 2 n_i/N + Σ n_j²/N²
    // (the estimated share's own variance included), solved for ρ.
    const q = n2 / (n * n);
    let pearson = 0;
    let binomialPart = 0;
    let rhoPart = 0;
    for (let i = first; i <= last; i++) {
      const ni = tested[i]!;
      if (ni <= 0) continue;
      const c = 1 - (2 * ni) / n + q;
      pearson += (positives[i]! - ni * share) ** 2 / (share * (1 - share));
      binomialPart += ni * c;
      rhoPart += ni * (ni - 1) * c;
    }
    if (dispersionConfidence > 0)
      pearson *= (periods - 1) / chiSquareQuantile(1 - dispersionConfidence, periods - 1);
    if (rhoPart > 0) overdispersion = Math.min(1, Math.max(0, (pearson - binomialPart) / rhoPart));
  }
  return { share, tested: n, periods, weightedMeanTested: n > 0 ? n2 / n : 0, overdispersion };
}

/**
 * The beta-binomial (a, b) for the next period: the baseline share's uncertainty (a Jeffreys
 * posterior on the baseline's effective sample size) combined with the between-period variation ρ,
 * matched on mean and variance.
 */
export function predictiveBetaBinomial(base: PositivityBaseline): { a: number; b: number; mean: number } {
  const rho = base.overdispersion;
  // Kish's design effect: ρ makes each period's samples worth fewer independent ones.
  const designEffect = 1 + Math.max(0, base.weightedMeanTested - 1) * rho;
  const effective = base.tested / Math.max(1, designEffect);
  const A = base.share * effective + 0.5;
  const B = (1 - base.share) * effective + 0.5;
  const S = A + B;
  const mean = A / S;
  // Var(p_t) = p̃q̃ [1/(S+1) + ρ S/(S+1)] = p̃q̃ / (M + 1) for a Beta(p̃M, q̃M).
  const M = Math.max(1e-6, (S + 1) / (1 + rho * S) - 1);
  return { a: mean * M, b: (1 - mean) * M, mean };
}

/**
 * @example
 * const d = createPositivityDetector();
 * // 12 of 40 positive for 9 months, then 24 of 40: the share doubled.
 * d.detect([...Array(9).fill(12), 24], Array(10).fill(40), { from: 9 })[0]?.alarm; // true
 */
export function createPositivityDetector(options: PositivityOptions = {}): ProportionDetector {
  const baseline = options.baseline ?? 7;
  const guard = options.guard ?? 2;
  const alpha = options.alpha ?? 0.005;
  const minPeriods = options.minBaselinePeriods ?? 3;
  const dispersionConfidence = options.dispersionConfidence ?? 0.8;
  return {
    name: 'positivity',
    version: '1',
    minimumHistory: baseline + guard,
    detect(positives, tested, opts): ProportionPoint[] {
      if (positives.length !== tested.length)
        throw new RangeError('positives and tested must have the same length');
      return evaluationRange(positives, opts).map((t): ProportionPoint => {
        const observed = positives[t]!;
        const n = tested[t]!;
        if (observed > n) throw new RangeError(`period ${t}: ${observed} positives of ${n} tested`);
        const none: ProportionPoint = {
          period: t,
          observed,
          tested: n,
          expected: null,
          upperbound: null,
          alarm: null,
          expectedShare: null,
          upperShare: null,
          pValue: null,
        };
        const first = t - guard - baseline;
        if (first < 0) return none;
        const base = positivityBaseline(positives, tested, first, t - guard - 1, dispersionConfidence);
        if (base.periods < minPeriods) return none;
        const { a, b, mean } = predictiveBetaBinomial(base);
        if (n <= 0) return { ...none, expectedShare: mean };
        const upper = betaBinomialQuantile(1 - alpha, n, a, b);
        return {
          period: t,
          observed,
          tested: n,
          expected: n * mean,
          upperbound: upper,
          alarm: observed > upper,
          expectedShare: mean,
          upperShare: upper / n,
          pValue: betaBinomialUpperTail(observed, n, a, b),
        };
      });
    },
  };
}
