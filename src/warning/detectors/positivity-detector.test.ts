import { describe, expect, it } from 'vitest';
import { createDetector } from './detector-registry.js';
import {
  createPositivityDetector,
  positivityBaseline,
  predictiveBetaBinomial,
} from './positivity-detector.js';
import { alarmRate } from './positivity-simulation.js';

describe('positivityBaseline', () => {
  it('pools the share over periods with samples and finds no overdispersion in a binomial-looking baseline', () => {
    // 12/40, 13/40, 11/40, 0/0 (nothing tested: skipped), 12/40 → 48/160 = 0.3
    const base = positivityBaseline([12, 13, 11, 0, 12], [40, 40, 40, 0, 40], 0, 4);
    expect(base).toMatchObject({ share: 0.3, tested: 160, periods: 4, overdispersion: 0 });
  });

  it('estimates ρ from a baseline whose share swings more than sampling explains', () => {
    // Shares 10 %, 50 %, 10 %, 50 % of 100: Σ(x − np̂)²/(p̂q̂) = 4·20²/0.21 ≈ 7619.
    const base = positivityBaseline([10, 50, 10, 50], [100, 100, 100, 100], 0, 3);
    expect(base.share).toBeCloseTo(0.3, 12);
    // c_i = 1 − 2/4 + 1/4 = 0.75; ρ = (7619 − Σ n c) / Σ n (n − 1) c ≈ 0.246
    const pearson = (4 * 20 ** 2) / 0.21;
    expect(base.overdispersion).toBeCloseTo((pearson - 4 * 100 * 0.75) / (4 * 100 * 99 * 0.75), 10);
    expect(base.overdispersion).toBeGreaterThan(0.01);
  });

  it('a predictive centred on the baseline share, wider when the baseline is overdispersed', () => {
    const flat = predictiveBetaBinomial({
      share: 0.3,
      tested: 280,
      periods: 7,
      weightedMeanTested: 40,
      overdispersion: 0,
    });
    const wide = predictiveBetaBinomial({
      share: 0.3,
      tested: 280,
      periods: 7,
      weightedMeanTested: 40,
      overdispersion: 0.05,
    });
    expect(flat.mean).toBeCloseTo((0.3 * 280 + 0.5) / 281, 12); // Jeffreys posterior mean
    expect(flat.a + flat.b).toBeCloseTo(281, 8);
    expect(wide.a + wide.b).toBeLessThan(flat.a + flat.b);
  });
});

describe('positivity detector', () => {
  const detector = createPositivityDetector();
  const history = detector.minimumHistory;
  const steadyTested = Array.from({ length: history + 3 }, (_, t) => [38, 42, 40, 44, 36][t % 5]!);
  const steadyPositives = steadyTested.map((n) => Math.round(0.3 * n));

  it('says what was expected as a share and as a count, and the bound as both', () => {
    const [p] = detector.detect(steadyPositives, steadyTested, { from: history, to: history });
    expect(p!.expectedShare).toBeGreaterThan(0.28);
    expect(p!.expectedShare).toBeLessThan(0.32);
    expect(p!.expected).toBeCloseTo(p!.expectedShare! * p!.tested, 10);
    expect(p!.upperShare).toBeCloseTo(p!.upperbound! / p!.tested, 12);
    expect(p!.pValue).toBeGreaterThan(0.1);
  });

  it('does not alarm when submissions double at a constant share, where a count detector does', () => {
    const tested = steadyTested.map((n, t) => (t >= history ? 2 * n : n));
    const positives = tested.map((n) => Math.round(0.3 * n));
    expect(detector.detect(positives, tested, { from: history }).some((p) => p.alarm)).toBe(false);
    const ears = createDetector('ears-c2', { minSigma: 1 });
    expect(ears.detect(positives, { from: history }).some((p) => p.alarm)).toBe(true);
  });

  it('alarms when the share rises at constant submissions, with a p-value below alpha', () => {
    const positives = steadyPositives.map((x, t) =>
      t === history + 1 ? Math.round(0.6 * steadyTested[t]!) : x,
    );
    const points = detector.detect(positives, steadyTested, { from: history });
    expect(points.map((p) => p.alarm)).toEqual([false, true, false]);
    expect(points[1]!.pValue).toBeLessThan(0.005);
  });

  it('alarms for a substance never seen in the baseline when it turns up in many samples', () => {
    const tested = Array<number>(history + 1).fill(40);
    const positives = [...Array<number>(history).fill(0), 6];
    const [p] = detector.detect(positives, tested, { from: history });
    expect(p!.alarm).toBe(true);
    expect(detector.detect([...positives.slice(0, -1), 1], tested, { from: history })[0]!.alarm).toBe(false);
  });

  it('rejects more positives than samples tested', () => {
    expect(() => detector.detect([5], [4], { from: 0 })).toThrow(/5 positives of 4 tested/);
  });
});

describe('positivity detector false-alarm rate (seeded simulation, steady share 30 %)', () => {
  const detector = createPositivityDetector();
  const scenario = { share: 0.3, tested: [20, 80] as [number, number], periods: 19, from: 9, series: 300 };

  it('stays near the nominal 0.5 % per period, binomial or overdispersed, with submissions doubling', () => {
    for (const overdispersion of [0, 0.03]) {
      const rate = alarmRate(detector, { ...scenario, overdispersion, testedFactorLater: 2, seed: 3 });
      expect(rate).toBeLessThan(0.012);
    }
  });

  it('detects a share rising from 30 % to 60 % in its first period more often than not', () => {
    const first = { ...scenario, periods: scenario.from + 1 };
    const rate = alarmRate(detector, { ...first, overdispersion: 0, shareLater: 0.6, seed: 4 });
    expect(rate).toBeGreaterThan(0.4);
  });
});
