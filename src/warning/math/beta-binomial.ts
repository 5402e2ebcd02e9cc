/**
 * The beta-binomial distribution (positives among n samples when the share itself varies): its
 * upper quantile and tail, the threshold of the positivity detector.
 */
import { logGamma } from './gamma-functions.js';

/** P(X = k) for k = 0..n, by the pmf ratio recurrence from P(X = 0), in log space. */
function betaBinomialPmf(n: number, a: number, b: number): number[] {
  const pmf = new Array<number>(n + 1);
  let logPmf = logGamma(n + b) + logGamma(a + b) - logGamma(b) - logGamma(n + a + b);
  pmf[0] = Math.exp(logPmf);
  for (let k = 0; k < n; k++) {
    logPmf += Math.log(n - k) - Math.log(k + 1) + Math.log(k + a) - Math.log(n - k - 1 + b);
    pmf[k + 1] = Math.exp(logPmf);
  }
  return pmf;
}

/**
 * Smallest x with P(X ≤ x) ≥ p for X ~ BetaBinomial(n, a, b) (mean n·a/(a+b)).
 *
 * @example
 * betaBinomialQuantile(0.995, 40, 30, 70); // 22: more than 22 of 40 is unusual at a 30 % share
 */
export function betaBinomialQuantile(p: number, n: number, a: number, b: number): number {
  if (n <= 0) return 0;
  const pmf = betaBinomialPmf(n, a, b);
  // Sum from the top so a small upper tail is not lost to rounding of a cumulative sum near 1.
  let upper = 0;
  for (let x = n; x >= 0; x--) {
    upper += pmf[x]!;
    if (upper > 1 - p) return x;
  }
  return 0;
}

/**
 * P(X ≥ k) for X ~ BetaBinomial(n, a, b): the p-value of k positives.
 *
 * @example
 * betaBinomialUpperTail(24, 39, 30, 70) < 0.001; // true
 */
export function betaBinomialUpperTail(k: number, n: number, a: number, b: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const pmf = betaBinomialPmf(n, a, b);
  let upper = 0;
  for (let x = n; x >= k; x--) upper += pmf[x]!;
  return Math.min(1, upper);
}
