/**
 * Seeded simulation of positivity series (beta-binomial positives of varying samples tested), on
 * which the positivity detector's false-alarm rate and probability of detection are measured.
 */
import { seededRandom } from '../../core/seeded-random.js';
import { gammaVariate } from '../math/random-variates.js';
import type { ProportionDetector } from './proportion-detector.js';

export interface SteadyShareScenario {
  /** The share positive in every period. */
  share: number;
  /** Between-period correlation ρ (0 = binomial). */
  overdispersion: number;
  /** Samples tested per period are drawn uniformly from this range… */
  tested: [number, number];
  /** …and multiplied by this factor in the evaluated periods (submissions doubling: 2). */
  testedFactorLater?: number;
  /** The share in the evaluated periods, for a rise (default: `share`, the null case). */
  shareLater?: number;
  periods: number;
  from: number;
  series: number;
  seed: number;
}

/**
 * Alarms per evaluated period (with a judgement) over simulated series: the false-alarm rate when
 * the share stays steady, the per-period probability of detection when `shareLater` is higher.
 */
export function alarmRate(detector: ProportionDetector, s: SteadyShareScenario): number {
  const u = seededRandom(s.seed);
  let alarms = 0;
  let judged = 0;
  for (let k = 0; k < s.series; k++) {
    const tested: number[] = [];
    const positives: number[] = [];
    for (let t = 0; t < s.periods; t++) {
      const base = s.tested[0] + Math.floor(u() * (s.tested[1] - s.tested[0] + 1));
      const n = t >= s.from ? Math.round(base * (s.testedFactorLater ?? 1)) : base;
      const share = t >= s.from ? (s.shareLater ?? s.share) : s.share;
      let p = share;
      if (s.overdispersion > 0) {
        const m = 1 / s.overdispersion - 1;
        const g1 = gammaVariate(share * m, u);
        p = g1 / (g1 + gammaVariate((1 - share) * m, u));
      }
      let x = 0;
      for (let i = 0; i < n; i++) if (u() < p) x++;
      tested.push(n);
      positives.push(x);
    }
    for (const point of detector.detect(positives, tested, { from: s.from })) {
      if (point.alarm === null) continue;
      judged++;
      if (point.alarm) alarms++;
    }
  }
  return judged > 0 ? alarms / judged : Number.NaN;
}
