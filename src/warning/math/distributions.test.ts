import { describe, expect, it } from 'vitest';
import { negativeBinomialQuantile, poissonQuantile } from './count-quantiles.js';
import { digamma, logGamma, studentTwoSidedP, trigamma } from './gamma-functions.js';
import { normalQuantile } from './normal-distribution.js';

// Reference values from R 4.2: qnorm, qpois, qnbinom, lgamma, digamma, trigamma, pt.
describe('distributions (values checked against R)', () => {
  it('normalQuantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('poissonQuantile and negativeBinomialQuantile', () => {
    expect(poissonQuantile(0.995, 3)).toBe(8);
    expect(poissonQuantile(0.995, 0.01)).toBe(1);
    expect(poissonQuantile(0.995, 150)).toBe(182);
    expect(negativeBinomialQuantile(0.995, 4, 0.5)).toBe(14);
    expect(negativeBinomialQuantile(0.995, 2.5 / 0.5, 1 / 1.5)).toBe(9);
  });

  it('gamma family', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 12);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 10);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 10);
  });

  it('studentTwoSidedP', () => {
    expect(studentTwoSidedP(2.0, 10)).toBeCloseTo(0.07338803477074, 10);
    expect(studentTwoSidedP(1.688775, 33)).toBeCloseTo(0.1006917, 6);
  });
});
