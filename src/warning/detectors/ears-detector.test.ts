import { describe, expect, it } from 'vitest';
import { createEarsDetector } from './ears-detector.js';

// Baseline 2,4,4,4,5,5,7 (sum 31): mean 31/7, sample sd sqrt(Σ(x−m)²/6) — worked by hand below.
const base = [2, 4, 4, 4, 5, 5, 7];
const mean = 31 / 7;
const sd = Math.sqrt(base.reduce((s, x) => s + (x - mean) ** 2, 0) / 6); // 1.5119…
const z999 = 3.090232306167813;

describe('EARS C1', () => {
  it('uses the 7 previous periods: mean + z(0.999)·sd', () => {
    const [p] = createEarsDetector({ method: 'C1' }).detect([...base, 10], { from: 7 });
    expect(p!.expected).toBeCloseTo(4.428571, 6);
    expect(p!.upperbound).toBeCloseTo(mean + z999 * sd, 10);
    expect(p!.upperbound).toBeCloseTo(9.1005635289, 8);
    expect(p!.alarm).toBe(true);
  });

  it('gives a zero-width bound on an all-zero baseline unless minSigma is set', () => {
    const zeros = [0, 0, 0, 0, 0, 0, 0, 1];
    expect(createEarsDetector({ method: 'C1' }).detect(zeros, { from: 7 })[0]).toMatchObject({
      upperbound: 0,
      alarm: true,
    });
    const floored = createEarsDetector({ method: 'C1', minSigma: 0.5 }).detect(zeros, { from: 7 })[0]!;
    expect(floored.upperbound).toBeCloseTo(0.5 * z999, 10);
    expect(floored.alarm).toBe(false);
  });
});

describe('EARS C2', () => {
  it('skips the two most recent periods', () => {
    const series = [...base, 50, 50, 6];
    const [p] = createEarsDetector({ method: 'C2' }).detect(series, { from: 9 });
    expect(p!.expected).toBeCloseTo(mean, 10);
    expect(p!.alarm).toBe(false);
  });
});

describe('EARS C3', () => {
  const flat = [3, 5, 4, 6, 4, 5, 3, 4, 5, 4, 6, 5];
  it('textbook mode alarms in the week of a spike', () => {
    const series = [...flat, 30];
    const [p] = createEarsDetector({ method: 'C3' }).detect(series, { from: 12 });
    expect(p!.alarm).toBe(true);
  });

  it('r-compatible mode ignores the current week (alarms a week late, as R)', () => {
    const series = [...flat, 30, 5];
    const points = createEarsDetector({ method: 'C3', c3Mode: 'r-compatible' }).detect(series, { from: 12 });
    expect(points.map((p) => p.alarm)).toEqual([false, true]);
  });

  it('r-compatible mode gives no answer on a zero-variance baseline (R NA)', () => {
    const zeros = new Array(14).fill(0);
    const [p] = createEarsDetector({ method: 'C3', c3Mode: 'r-compatible' }).detect(zeros, { from: 13 });
    expect(p).toMatchObject({ upperbound: null, alarm: null });
  });
});
