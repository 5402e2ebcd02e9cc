/**
 * The Farrington upper bound from a baseline prediction: the original 2/3-power "delta"
 * transform, or Noufaily's negative-binomial plug-in quantile (R's
 * `algo.farrington.threshold.farrington` / `algo.farrington.threshold.noufaily`).
 */
import { negativeBinomialQuantile, poissonQuantile } from '../../math/count-quantiles.js';
import { normalQuantile } from '../../math/normal-distribution.js';
import type { FarringtonPrediction } from './farrington-model.js';
import type { FarringtonSettings } from './farrington-settings.js';

export interface FarringtonBound {
  expected: number;
  /** NaN when R gives NA (e.g. an infinite predicted mean). */
  upper: number;
  /** (y − fit) / (upper − fit); the period alarms when it exceeds 1. */
  score: number;
}

export function farringtonBound(
  prediction: FarringtonPrediction,
  observed: number,
  s: FarringtonSettings,
): FarringtonBound {
  const { eta, seEta, phi } = prediction;
  const mu0 = Math.exp(eta);
  if (s.thresholdMethod === 'delta') {
    const seMu = seEta * mu0;
    const tau = phi + (seMu * seMu) / mu0;
    const se = Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau);
    const z = normalQuantile(1 - s.alpha);
    const upper = (mu0 ** (2 / 3) + z * se) ** 1.5;
    return { expected: mu0, upper, score: (observed - mu0) / (upper - mu0) };
  }
  if (mu0 === Number.POSITIVE_INFINITY) return { expected: mu0, upper: Number.NaN, score: Number.NaN };
  const upper =
    phi > 1
      ? negativeBinomialQuantile(1 - s.alpha, mu0 / (phi - 1), 1 / phi)
      : poissonQuantile(1 - s.alpha, mu0);
  // R compares against the linear predictor here, not the mean; kept for identical alarms.
  return { expected: mu0, upper, score: (observed - eta) / (upper - eta) };
}
