/**
 * Farrington-family detectors (original 1996 and Noufaily 2013 settings) behind the `Detector`
 * contract: for each evaluated period, fit the baseline of past years and compare the count with
 * the upper bound, suppressing alarms when fewer than limit54 cases occurred recently.
 */
import { type DetectionPoint, type DetectOptions, type Detector, evaluationRange } from '../detector.js';
import { farringtonBaseline } from './farrington-baseline.js';
import { predictFarrington } from './farrington-model.js';
import { type FarringtonSettings, farringtonMinimumHistory } from './farrington-settings.js';
import { farringtonBound } from './farrington-threshold.js';

/**
 * @example
 * const noufaily = createFarringtonDetector('noufaily', noufailySettings);
 * noufaily.detect(weeklyCounts, { from: 575 }); // one point per week 576..end (1-based)
 */
export function createFarringtonDetector(name: string, settings: FarringtonSettings): Detector {
  return {
    name,
    version: '1',
    minimumHistory: farringtonMinimumHistory(settings),
    detect(series: readonly number[], options: DetectOptions): DetectionPoint[] {
      return evaluationRange(series, options).map((t) => detectAt(series, t, settings));
    },
  };
}

function detectAt(series: readonly number[], t: number, s: FarringtonSettings): DetectionPoint {
  const observed = series[t]!;
  const none: DetectionPoint = { period: t, observed, expected: null, upperbound: null, alarm: null };
  const baseline = farringtonBaseline(t, s);
  if (!baseline) return none;
  const data = { response: [] as number[], time: [] as number[], levels: [] as number[] };
  baseline.indices.forEach((index, i) => {
    const y = series[index];
    if (y === undefined || Number.isNaN(y)) return;
    data.response.push(y);
    data.time.push(index + 1);
    data.levels.push(baseline.levels[i]!);
  });
  const prediction = predictFarrington(data, t + 1, s);
  if (!prediction) return none;
  const bound = farringtonBound(prediction, observed, s);
  let recent = 0;
  for (let i = Math.max(0, t - s.limit54.weeks + 1); i <= t; i++) recent += series[i] ?? 0;
  const enoughCases = recent >= s.limit54.cases;
  const upper = enoughCases && !Number.isNaN(bound.upper) ? bound.upper : null;
  return {
    period: t,
    observed,
    expected: bound.expected,
    upperbound: upper,
    alarm: enoughCases && !Number.isNaN(bound.score) && bound.score > 1 && observed !== 0,
  };
}
