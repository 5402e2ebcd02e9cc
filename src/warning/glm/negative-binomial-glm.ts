/**
 * Negative-binomial regression with the dispersion θ estimated by maximum likelihood, alternating
 * IRLS for the coefficients and Newton steps for θ as R's `MASS::glm.nb` does. The GLR detector
 * takes its in-control mean and overdispersion from this fit.
 */
import { digamma, logGamma, trigamma } from '../math/gamma-functions.js';
import { fitLogLinkGlm, type GlmFit } from './log-link-glm.js';

export interface NegativeBinomialFit {
  glm: GlmFit;
  theta: number;
}

/** MASS's `theta.ml`: Newton–Raphson on the profile score for θ given the means. */
export function thetaMaximumLikelihood(y: ArrayLike<number>, mu: ArrayLike<number>, limit = 25): number {
  const n = y.length;
  let t0 = 0;
  for (let i = 0; i < n; i++) t0 += (y[i]! / mu[i]! - 1) ** 2;
  t0 = n / t0;
  const eps = Number.EPSILON ** 0.25;
  let del = 1;
  for (let it = 1; it < limit && Math.abs(del) > eps; it++) {
    t0 = Math.abs(t0);
    let score = 0;
    let info = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      const mi = mu[i]!;
      score += digamma(t0 + yi) - digamma(t0) + Math.log(t0) + 1 - Math.log(t0 + mi) - (yi + t0) / (mi + t0);
      info += -trigamma(t0 + yi) + trigamma(t0) - 1 / t0 + 2 / (mi + t0) - (yi + t0) / (mi + t0) ** 2;
    }
    del = score / info;
    t0 += del;
  }
  return Math.max(t0, 0);
}

function logLikelihood(y: ArrayLike<number>, mu: ArrayLike<number>, theta: number): number {
  let l = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    l +=
      logGamma(theta + yi) -
      logGamma(theta) -
      logGamma(yi + 1) +
      theta * Math.log(theta) +
      yi * Math.log(mu[i]! + (yi === 0 ? 1 : 0)) -
      (theta + yi) * Math.log(theta + mu[i]!);
  }
  return l;
}

/**
 * @example
 * const { theta } = fitNegativeBinomialGlm(design, counts); // overdispersion α = 1/θ
 */
export function fitNegativeBinomialGlm(
  x: readonly (readonly number[])[],
  y: readonly number[],
  maxIterations = 25,
  epsilon = 1e-8,
): NegativeBinomialFit {
  let glm = fitLogLinkGlm(x, y);
  let mu = glm.fitted;
  let theta = thetaMaximumLikelihood(y, mu, maxIterations);
  const d1 = Math.sqrt(2 * Math.max(1, glm.dfResidual));
  const d2 = 1;
  let del = 1;
  let lm = logLikelihood(y, mu, theta);
  let lm0 = lm + 2 * d1;
  for (
    let iter = 1;
    iter <= maxIterations && Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2 > epsilon;
    iter++
  ) {
    const eta = mu.map(Math.log);
    glm = fitLogLinkGlm(x, y, { family: { kind: 'negative-binomial', theta }, etaStart: eta });
    const t0 = theta;
    // As MASS: θ is updated from the means before this refit.
    theta = thetaMaximumLikelihood(y, mu, maxIterations);
    mu = glm.fitted;
    del = t0 - theta;
    lm0 = lm;
    lm = logLikelihood(y, mu, theta);
  }
  return { glm, theta };
}
