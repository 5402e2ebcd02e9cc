/**
 * Iteratively reweighted least squares for count GLMs with a log link (Poisson / quasi-Poisson and
 * negative binomial with known θ), following R's `glm.fit` step by step — same start values,
 * convergence rule and final weights — so fitted values, dispersion and hat values match R's.
 */
import { invertSymmetric } from './symmetric-solve.js';

/** Variance function of the count family: Poisson V(μ) = μ; negative binomial V(μ) = μ + μ²/θ. */
export type CountFamily = { kind: 'poisson' } | { kind: 'negative-binomial'; theta: number };

export interface GlmOptions {
  family?: CountFamily;
  /** Prior weights (R's `weights =`), default 1. */
  weights?: readonly number[];
  /** Start the iterations from this linear predictor (R's `etastart`). */
  etaStart?: ArrayLike<number>;
  maxIterations?: number;
  epsilon?: number;
}

export interface GlmFit {
  coefficients: number[];
  /** Coefficients R would report as NA (not identifiable from the data). */
  aliased: boolean[];
  fitted: Float64Array;
  /** (X'WX)⁻¹ with the final working weights; multiply by a dispersion for the covariance. */
  unscaledCovariance: number[][];
  /** Diagonal of the hat matrix (R's `hatvalues`). */
  hat: number[];
  /** Pearson dispersion Σ w(y−μ)²/V(μ) / (n − rank), as `summary.glm` estimates it for quasi families. */
  dispersion: number;
  dfResidual: number;
  converged: boolean;
  iterations: number;
}

/**
 * Fits log E[y] = Xβ.
 *
 * @example
 * const fit = fitLogLinkGlm([[1, 0], [1, 1], [1, 2]], [1, 3, 8]);
 * fit.coefficients; // ≈ [0.09, 1.02]
 */
export function fitLogLinkGlm(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: GlmOptions = {},
): GlmFit {
  const family = options.family ?? { kind: 'poisson' };
  // 1/θ for the negative binomial, 0 for Poisson: V(μ) = μ(1 + μ/θ).
  const inverseTheta = family.kind === 'poisson' ? 0 : 1 / family.theta;
  const n = y.length;
  const p = x[0]?.length ?? 0;
  const priorWeights = options.weights ?? new Array<number>(n).fill(1);
  const maxIterations = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;

  // The designs here are sparse (intercept, trend, one seasonal dummy): keep each row's non-zeros.
  const rowStart = new Int32Array(n + 1);
  const nzIndex: number[] = [];
  const nzValue: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    for (let j = 0; j < p; j++) {
      if (row[j] !== 0) {
        nzIndex.push(j);
        nzValue.push(row[j]!);
      }
    }
    rowStart[i + 1] = nzIndex.length;
  }
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    eta[i] = options.etaStart
      ? options.etaStart[i]!
      : Math.log(family.kind === 'poisson' ? yi + 0.1 : yi + (yi === 0 ? 1 / 6 : 0));
    mu[i] = Math.exp(eta[i]!);
  }
  const yLogY = new Float64Array(n);
  for (let i = 0; i < n; i++) yLogY[i] = y[i]! > 0 ? y[i]! * Math.log(y[i]!) : 0;
  let devOld = deviance(inverseTheta, y, yLogY, eta, mu, priorWeights);

  let coefficients = new Array<number>(p).fill(0);
  let aliased = new Array<boolean>(p).fill(false);
  let xtwxInverse: number[][] = [];
  let workWeights = new Float64Array(n);
  let spareWeights = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  const xtwx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwz = new Array<number>(p).fill(0);
  const newEta = new Float64Array(n);
  const newMu = new Float64Array(n);

  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    for (const row of xtwx) row.fill(0);
    xtwz.fill(0);
    const w = spareWeights;
    w.fill(0);
    for (let i = 0; i < n; i++) {
      const m = mu[i]!;
      const pw = priorWeights[i]!;
      if (!(pw > 0) || m === 0) continue;
      const wi = (pw * m) / (1 + m * inverseTheta);
      const zi = eta[i]! + (y[i]! - m) / m;
      w[i] = wi;
      const end = rowStart[i + 1]!;
      for (let a = rowStart[i]!; a < end; a++) {
        const wxa = wi * nzValue[a]!;
        const ia = nzIndex[a]!;
        xtwz[ia]! += wxa * zi;
        const row = xtwx[ia]!;
        for (let b = rowStart[i]!; b <= a; b++) row[nzIndex[b]!]! += wxa * nzValue[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b]![a] = xtwx[a]![b]!;
    const inv = invertSymmetric(xtwx);
    const beta = new Array<number>(p).fill(0);
    for (let a = 0; a < p; a++) {
      if (inv.aliased[a]) continue;
      let s = 0;
      for (let b = 0; b < p; b++) s += inv.inverse[a]![b]! * xtwz[b]!;
      beta[a] = s;
    }
    let dev = 0;
    // R halves the step when the deviance is not finite; log-link counts rarely need it.
    for (let halvings = 0; halvings <= 30; halvings++) {
      if (halvings > 0) for (let a = 0; a < p; a++) beta[a] = (beta[a]! + coefficients[a]!) / 2;
      for (let i = 0; i < n; i++) {
        let e = 0;
        const end = rowStart[i + 1]!;
        for (let a = rowStart[i]!; a < end; a++) e += nzValue[a]! * beta[nzIndex[a]!]!;
        newEta[i] = e;
        newMu[i] = Math.exp(e);
      }
      dev = deviance(inverseTheta, y, yLogY, newEta, newMu, priorWeights);
      if (Number.isFinite(dev)) break;
    }
    coefficients = beta;
    aliased = inv.aliased;
    xtwxInverse = inv.inverse;
    spareWeights = workWeights;
    workWeights = w;
    eta.set(newEta);
    mu.set(newMu);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
  }

  let rank = 0;
  for (const a of aliased) if (!a) rank++;
  let positive = 0;
  for (let i = 0; i < n; i++) if (priorWeights[i]! > 0) positive++;
  const dfResidual = positive - rank;
  // As summary.glm: working weights of the last iteration times squared working residuals at the final fit.
  let pearson = 0;
  const hat = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const wi = workWeights[i]!;
    if (!(wi > 0)) continue;
    const r = (y[i]! - mu[i]!) / mu[i]!;
    pearson += wi * r * r;
    let q = 0;
    const end = rowStart[i + 1]!;
    for (let a = rowStart[i]!; a < end; a++) {
      const row = xtwxInverse[nzIndex[a]!]!;
      for (let b = rowStart[i]!; b < end; b++) q += nzValue[a]! * row[nzIndex[b]!]! * nzValue[b]!;
    }
    hat[i] = wi * q;
  }
  return {
    coefficients,
    aliased,
    fitted: mu,
    unscaledCovariance: xtwxInverse,
    hat,
    dispersion: dfResidual > 0 ? pearson / dfResidual : Number.NaN,
    dfResidual,
    converged,
    iterations,
  };
}

/**
 * Deviance Σ w·d(y, μ). With a log link log μ = η, so y·log(y/μ) = y·log y − y·η: no logarithm per
 * row for the Poisson family (this loop runs every IRLS iteration).
 */
function deviance(
  inverseTheta: number,
  y: readonly number[],
  yLogY: Float64Array,
  eta: Float64Array,
  mu: Float64Array,
  weights: readonly number[],
): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    const ylogy = yi > 0 ? yLogY[i]! - yi * eta[i]! : 0;
    let unit: number;
    if (inverseTheta === 0) unit = ylogy - (yi - m);
    else {
      const th = 1 / inverseTheta;
      unit = ylogy - (yi + th) * Math.log((yi + th) / (m + th));
    }
    d += 2 * weights[i]! * unit;
  }
  return d;
}
