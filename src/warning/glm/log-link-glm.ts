/**
 * Iteratively reweighted least squares for count GLMs with a log link (Poisson / quasi-Poisson and
 * negative binomial with known θ), following R's `glm.fit` step by step — same start values,
 * convergence rule and final weights — so fitted values, dispersion and hat values match R's.
 */
import { type CholeskyFactor, choleskyFactor, choleskyInverse, choleskySolve } from './symmetric-solve.js';

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
 * A design matrix by its rows' non-zero entries (compressed sparse rows). The Farrington designs
 * (intercept, trend, one seasonal dummy) have 3 non-zeros in 11 columns.
 */
export interface SparseDesign {
  columns: number;
  /** Row i's entries are index/value[rowStart[i] .. rowStart[i+1]), columns ascending. */
  rowStart: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** Dense rows to a SparseDesign. */
export function sparseDesign(x: readonly (readonly number[])[]): SparseDesign {
  const columns = x[0]?.length ?? 0;
  const rowStart = new Int32Array(x.length + 1);
  const index: number[] = [];
  const value: number[] = [];
  x.forEach((row, i) => {
    for (let j = 0; j < columns; j++) {
      if (row[j] !== 0) {
        index.push(j);
        value.push(row[j]!);
      }
    }
    rowStart[i + 1] = index.length;
  });
  return { columns, rowStart, index: Int32Array.from(index), value: Float64Array.from(value) };
}

/**
 * Fits log E[y] = Xβ.
 *
 * @example
 * const fit = fitLogLinkGlm([[1, 0], [1, 1], [1, 2]], [1, 3, 8]);
 * fit.coefficients; // ≈ [0.09, 1.02]
 */
export function fitLogLinkGlm(
  x: readonly (readonly number[])[] | SparseDesign,
  y: readonly number[],
  options: GlmOptions = {},
): GlmFit {
  const family = options.family ?? { kind: 'poisson' };
  // 1/θ for the negative binomial, 0 for Poisson: V(μ) = μ(1 + μ/θ).
  const inverseTheta = family.kind === 'poisson' ? 0 : 1 / family.theta;
  const n = y.length;
  const design = 'rowStart' in x ? x : sparseDesign(x);
  const p = design.columns;
  const { rowStart, index: nzIndex, value: nzValue } = design;
  const priorWeights = options.weights ?? new Array<number>(n).fill(1);
  const maxIterations = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;

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
  let lastFactor: CholeskyFactor | undefined;
  let workWeights = new Float64Array(n);
  let spareWeights = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  const xtwx = new Float64Array(p * p);
  const xtwz = new Array<number>(p).fill(0);
  const newEta = new Float64Array(n);
  const newMu = new Float64Array(n);

  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    xtwx.fill(0);
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
        const rowOffset = ia * p;
        for (let b = rowStart[i]!; b <= a; b++) xtwx[rowOffset + nzIndex[b]!]! += wxa * nzValue[b]!;
      }
    }
    // Rows were accumulated into whichever triangle their column order gave; symmetrise.
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < a; b++) {
        const sum = xtwx[a * p + b]! + xtwx[b * p + a]!;
        xtwx[a * p + b] = sum;
        xtwx[b * p + a] = sum;
      }
    }
    const factor = choleskyFactor(xtwx, p);
    const beta = choleskySolve(factor, xtwz);
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
    aliased = factor.aliased;
    lastFactor = factor;
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

  const xtwxInverse = lastFactor ? choleskyInverse(lastFactor) : [];
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
