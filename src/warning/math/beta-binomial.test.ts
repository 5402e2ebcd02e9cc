import { describe, expect, it } from 'vitest';
import { betaBinomialQuantile, betaBinomialUpperTail } from './beta-binomial.js';

describe('beta-binomial', () => {
  it('is uniform on 0..n when a = b = 1', () => {
    expect(betaBinomialQuantile(0.95, 19, 1, 1)).toBe(18);
    expect(betaBinomialUpperTail(15, 19, 1, 1)).toBeCloseTo(5 / 20, 12);
  });

  it('agrees with R (choose·beta/beta summed) on two cases', () => {
    // R: dbb <- function(k,n,a,b) exp(lchoose(n,k)+lbeta(k+a,n-k+b)-lbeta(a,b))
    expect(betaBinomialUpperTail(24, 39, 7.3, 13.1)).toBeCloseTo(0.03425001, 7);
    expect(betaBinomialQuantile(0.995, 39, 7.3, 13.1)).toBe(27);
    expect(betaBinomialUpperTail(90, 200, 60, 140) / 0.00105831765209).toBeCloseTo(1, 8);
    expect(betaBinomialQuantile(0.995, 200, 60, 140)).toBe(85);
  });

  it('tends to the binomial as a + b grows (R: qbinom(0.995, 40, 0.3) = 20)', () => {
    expect(betaBinomialQuantile(0.995, 40, 0.3e7, 0.7e7)).toBe(20);
    expect(betaBinomialUpperTail(24, 39, 0.35e7, 0.65e7)).toBeCloseTo(0.0006493666, 6);
  });

  it('handles the edges', () => {
    expect(betaBinomialQuantile(0.995, 0, 1, 1)).toBe(0);
    expect(betaBinomialUpperTail(0, 10, 1, 1)).toBe(1);
    expect(betaBinomialUpperTail(11, 10, 1, 1)).toBe(0);
  });
});
