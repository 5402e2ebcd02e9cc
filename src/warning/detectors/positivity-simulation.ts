/**
 * Seeded simulation of positivity series (beta-binomial positives of varying samples tested), on
 * which the positivity detector's false-alarm rate and probability of detection are measured.
 */
import type { ProportionDetector } from './proportion-detector.js';

/** Mulberry32: small, seeded, repeatable. */
function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (boosted for shape < 1). */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v ** 3;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

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
  const u = seededUniform(s.seed);
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
        const g1 = gamma(share * m, u);
        p = g1 / (g1 + gamma((1 - share) * m, u));
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
