/**
 * Quantiles of the Poisson and negative-binomial count distributions, as R's `qpois` and
 * `qnbinom(p, size, prob)`: the smallest count whose cumulative probability reaches p. Noufaily's
 * threshold is such a quantile.
 */
import { normalQuantile } from './normal-distribution.js';

/** Beyond this mean the cumulative sum is too long; a normal approximation is close enough there. */
const largeMean = 1e6;
/** R nudges p down so that a p hit exactly by a cumulative sum is not missed to rounding. */
const fuzz = 1 - 64 * Number.EPSILON;

/** Smallest x with P(X ≤ x) ≥ p, walking the pmf from zero with a recurrence in log space. */
function quantileByRecurrence(p: number, logP0: number, logRatio: (x: number) => number): number {
  const target = p * fuzz;
  let logPmf = logP0;
  let cdf = Math.exp(logPmf);
  let x = 0;
  // Start in log space so a tiny P(X = 0) (large means) does not underflow the walk.
  let logCdf = logPmf;
  while ((cdf < target || !Number.isFinite(cdf)) && x < 1e8) {
    logPmf += logRatio(x);
    x++;
    logCdf = logCdf + Math.log1p(Math.exp(logPmf - logCdf));
    cdf = Math.exp(logCdf);
  }
  return x;
}

/**
 * `qpois(p, mean)`.
 *
 * @example
 * poissonQuantile(0.995, 3); // 8
 */
export function poissonQuantile(p: number, mean: number): number {
  if (!(mean >= 0) || Number.isNaN(p)) return Number.NaN;
  if (mean === 0) return 0;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (mean > largeMean) return Math.max(0, Math.ceil(mean + normalQuantile(p) * Math.sqrt(mean) - 0.5));
  const logMean = Math.log(mean);
  return quantileByRecurrence(p, -mean, (x) => logMean - Math.log(x + 1));
}

/**
 * `qnbinom(p, size, prob)`: counts of failures before `size` successes with success probability
 * `prob`; mean size·(1−prob)/prob. An infinite size is the Poisson limit.
 *
 * @example
 * negativeBinomialQuantile(0.995, 4, 0.5); // 14
 */
export function negativeBinomialQuantile(p: number, size: number, prob: number): number {
  if (!(size >= 0) || !(prob > 0) || prob > 1 || Number.isNaN(p)) return Number.NaN;
  if (size === Number.POSITIVE_INFINITY) return Number.NaN;
  if (prob === 1 || size === 0) return 0;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const mean = (size * (1 - prob)) / prob;
  if (mean > largeMean) {
    const sd = Math.sqrt(mean / prob);
    return Math.max(0, Math.ceil(mean + normalQuantile(p) * sd - 0.5));
  }
  const logQ = Math.log1p(-prob);
  return quantileByRecurrence(p, size * Math.log(prob), (x) => Math.log((x + size) / (x + 1)) + logQ);
}
