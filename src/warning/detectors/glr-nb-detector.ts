/**
 * Negative-binomial GLR detector for an increase of the intercept (Höhle & Paul 2008), as R's
 * `surveillance::glrnb` with `change = "intercept"`, `dir = "inc"`, `ret = "value"`: the in-control
 * mean comes from a negative-binomial GLM (trend + S harmonics) fitted to all periods before
 * `from`; the GLR statistic maximises over change points since the last alarm and resets after one.
 */
import { fitNegativeBinomialGlm } from '../glm/negative-binomial-glm.js';
import { type DetectionPoint, type DetectOptions, type Detector, evaluationRange } from './detector.js';

export interface GlrNbOptions {
  /** Alarm threshold on the GLR statistic (R's `c.ARL`, default 5). */
  cArl?: number;
  /** Harmonics in the baseline model (R's `mu0$S`, default 1). */
  harmonics?: number;
  trend?: boolean;
  /** Periods per year for the harmonics. */
  frequency?: number;
}

function designRow(t: number, trend: boolean, harmonics: number, frequency: number): number[] {
  const row = [1];
  if (trend) row.push(t);
  for (let s = 1; s <= harmonics; s++) {
    row.push(Math.cos((2 * s * Math.PI * t) / frequency), Math.sin((2 * s * Math.PI * t) / frequency));
  }
  return row;
}

/** Σ_{i=k..n} [κ·x_i − (x_i + 1/α)·log((1 + α·μ_i·e^κ)/(1 + α·μ_i))]. */
function logLikelihoodRatio(
  kappa: number,
  x: number[],
  mu0: number[],
  alpha: number,
  k: number,
  n: number,
): number {
  let sum = 0;
  const ek = Math.exp(kappa);
  for (let i = k; i <= n; i++) {
    sum += kappa * x[i]! + (x[i]! + 1 / alpha) * Math.log((1 + alpha * mu0[i]!) / (1 + alpha * mu0[i]! * ek));
  }
  return sum;
}

/** Newton–Raphson for the ML intercept change on x[k..n], warm-started as R does. */
function kappaEstimate(
  start: number,
  x: number[],
  mu0: number[],
  alpha: number,
  k: number,
  n: number,
): number {
  let kappaOld = 0.4;
  let kappa = start;
  for (let iter = 0; kappa > -18 && Math.abs(kappa - kappaOld) > 1e-6 && iter < 1000; iter++) {
    kappaOld = kappa;
    const ek = Math.exp(kappaOld);
    let score = 0;
    let fisher = 0;
    for (let i = k; i <= n; i++) {
      const d = 1 + alpha * ek * mu0[i]!;
      score += (x[i]! - ek * mu0[i]!) / d;
      fisher += (mu0[i]! * (alpha * x[i]! + 1)) / (d * d);
    }
    kappa = kappaOld + score / (ek * fisher);
  }
  return kappa;
}

/**
 * @example
 * createGlrNbDetector().detect(weeklyCounts, { from: 575 }); // upperbound = GLR statistic, alarm when ≥ 5
 */
export function createGlrNbDetector(options: GlrNbOptions = {}): Detector {
  const cArl = options.cArl ?? 5;
  const harmonics = options.harmonics ?? 1;
  const trend = options.trend ?? true;
  const frequency = options.frequency ?? 52;
  return {
    name: 'glrnb',
    version: '1',
    minimumHistory: 2 * frequency,
    detect(series: readonly number[], opts: DetectOptions): DetectionPoint[] {
      const range = evaluationRange(series, opts);
      if (range.length === 0) return [];
      const first = range[0]!;
      // R fits the in-control model on positions 1..range[1]−1 with t the 1-based position.
      const x: number[][] = [];
      const y: number[] = [];
      for (let i = 0; i < first; i++) {
        x.push(designRow(i + 1, trend, harmonics, frequency));
        y.push(series[i]!);
      }
      const none = range.map((t) => ({
        period: t,
        observed: series[t]!,
        expected: null,
        upperbound: null,
        alarm: null,
      }));
      if (y.length < x[0]!.length + 2 || y.every((v) => v === y[0])) return none;
      const fit = fitNegativeBinomialGlm(x, y);
      const alpha = 1 / fit.theta;
      if (!Number.isFinite(alpha) || !(alpha > 0)) return none;
      const beta = fit.glm.coefficients;
      const mu0 = range.map((t) =>
        Math.exp(
          designRow(t + 1, trend, harmonics, frequency).reduce(
            (s, v, j) => s + v * (fit.glm.aliased[j] ? 0 : beta[j]!),
            0,
          ),
        ),
      );
      const counts = range.map((t) => series[t]!);
      const statistic = new Array<number>(range.length).fill(0);
      const alarm = new Array<boolean>(range.length).fill(false);
      let low = 0;
      for (let n = 0; n < range.length; n++) {
        let best = -1e99;
        let kappaMl = 0.5;
        for (let k = low; k <= n; k++) {
          kappaMl = Math.max(0, kappaEstimate(kappaMl, counts, mu0, alpha, k, n));
          const lnk = logLikelihoodRatio(kappaMl, counts, mu0, alpha, k, n);
          if (lnk > best) best = lnk;
        }
        statistic[n] = Math.max(0, best);
        if (best >= cArl) {
          alarm[n] = true;
          low = n + 1;
        }
      }
      return range.map((t, i) => ({
        period: t,
        observed: counts[i]!,
        expected: mu0[i]!,
        upperbound: statistic[i]!,
        alarm: alarm[i]!,
      }));
    },
  };
}
