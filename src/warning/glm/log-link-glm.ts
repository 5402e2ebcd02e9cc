/**
 * Iteratively reweighted least squares for count GLMs with a log link (Poisson / quasi-Poisson and
 * negative binomial with known θ), following R's `glm.fit` step by step — same start values,
 * convergence rule and final weights — so fitted values, dispersion and hat values match R's.
 */
import { invertSymmetric, quadraticForm } from './symmetric-solve.js';

/** Variance function of the count family: Poisson V(μ) = μ; negative binomial V(μ) = μ + μ²/θ. */
export type CountFamily = { kind: 'poisson' } | { kind: 'negative-binomial'; theta: number };

export interface GlmOptions {
  family?: CountFamily;
  /** Prior weights (R's `weights =`), default 1. */
  weights?: readonly number[];
  /** Start the iterations from this linear predictor (R's `etastart`). */
  etaStart?: readonly number[];
  maxIterations?: number;
  epsilon?: number;
}

export interface GlmFit {
  coefficients: number[];
  /** Coefficients R would report as NA (not identifiable from the data). */
  aliased: boolean[];
  fitted: number[];
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

function variance(family: CountFamily, mu: number): number {
  return family.kind === 'poisson' ? mu : mu + (mu * mu) / family.theta;
}

function unitDeviance(family: CountFamily, y: number, mu: number): number {
  const ylogy = y > 0 ? y * Math.log(y / mu) : 0;
  if (family.kind === 'poisson') return 2 * (ylogy - (y - mu));
  const th = family.theta;
  return 2 * (ylogy - (y + th) * Math.log((y + th) / (mu + th)));
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
  const n = y.length;
  const p = x[0]?.length ?? 0;
  const priorWeights = options.weights ?? new Array<number>(n).fill(1);
  const maxIterations = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;

  let eta: number[];
  if (options.etaStart) eta = [...options.etaStart];
  else
    eta = y.map((yi) => Math.log(family.kind === 'poisson' ? yi + 0.1 : yi + (yi === 0 ? 1 / 6 : 0)));
  let mu = eta.map(Math.exp);
  let devOld = 0;
  for (let i = 0; i < n; i++) devOld += priorWeights[i]! * unitDeviance(family, y[i]!, mu[i]!);

  let coefficients = new Array<number>(p).fill(0);
  let aliased = new Array<boolean>(p).fill(false);
  let xtwxInverse: number[][] = [];
  let workWeights = new Array<number>(n).fill(0);
  let converged = false;
  let iterations = 0;
  const xtwx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwz = new Array<number>(p).fill(0);

  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    for (const row of xtwx) row.fill(0);
    xtwz.fill(0);
    const w = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const m = mu[i]!;
      if (!(priorWeights[i]! > 0) || m === 0) continue;
      const wi = (priorWeights[i]! * m * m) / variance(family, m);
      const zi = eta[i]! + (y[i]! - m) / m;
      w[i] = wi;
      const xi = x[i]!;
      for (let a = 0; a < p; a++) {
        const wxa = wi * xi[a]!;
        xtwz[a]! += wxa * zi;
        const row = xtwx[a]!;
        for (let b = 0; b <= a; b++) row[b]! += wxa * xi[b]!;
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
    let newEta = x.map((xi) => xi.reduce((s, v, j) => s + v * beta[j]!, 0));
    let newMu = newEta.map(Math.exp);
    let dev = 0;
    for (let i = 0; i < n; i++) dev += priorWeights[i]! * unitDeviance(family, y[i]!, newMu[i]!);
    // R halves the step when the deviance is not finite; log-link counts rarely need it.
    let halvings = 0;
    while (!Number.isFinite(dev) && halvings < 30) {
      halvings++;
      for (let a = 0; a < p; a++) beta[a] = (beta[a]! + coefficients[a]!) / 2;
      newEta = x.map((xi) => xi.reduce((s, v, j) => s + v * beta[j]!, 0));
      newMu = newEta.map(Math.exp);
      dev = 0;
      for (let i = 0; i < n; i++) dev += priorWeights[i]! * unitDeviance(family, y[i]!, newMu[i]!);
    }
    coefficients = beta;
    aliased = inv.aliased;
    xtwxInverse = inv.inverse;
    workWeights = w;
    eta = newEta;
    mu = newMu;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
  }

  const rank = aliased.filter((a) => !a).length;
  const dfResidual = priorWeights.filter((w) => w > 0).length - rank;
  // As summary.glm: working weights of the last iteration times squared working residuals at the final fit.
  let pearson = 0;
  const hat = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const wi = workWeights[i]!;
    if (!(wi > 0)) continue;
    const r = (y[i]! - mu[i]!) / mu[i]!;
    pearson += wi * r * r;
    hat[i] = wi * quadraticForm(xtwxInverse, x[i]!);
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
