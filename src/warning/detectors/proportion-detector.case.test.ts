/**
 * The conformance suite every proportion detector passes: one point per evaluated period with the
 * observed positives and tested count; no alarm on a steady share, even when submissions double;
 * an alarm when the share jumps at steady submissions; nothing judged where nothing was tested.
 */
import { describe, expect, it } from 'vitest';
import { createPositivityDetector } from './positivity-detector.js';
import type { ProportionDetector } from './proportion-detector.js';

export interface ProportionDetectorCase {
  detector: ProportionDetector;
  /** Periods of history before the evaluated ones (at least the detector's minimumHistory). */
  history: number;
}

/** Deterministic samples tested around 40 and positives near a 30 % share. */
function background(length: number): { positives: number[]; tested: number[] } {
  const tested = Array.from({ length }, (_, t) => [38, 42, 40, 45, 35][t % 5]!);
  const positives = tested.map((n, t) => Math.round(n * 0.3) + [0, 1, -1, 1, 0][t % 5]!);
  return { positives, tested };
}

export function runProportionDetectorConformance({ detector, history }: ProportionDetectorCase): void {
  describe(`${detector.name} proportion-detector conformance`, () => {
    const { positives, tested } = background(history + 10);

    it('returns one point per evaluated period, in order, with positives and tested', () => {
      const points = detector.detect(positives, tested, { from: history, to: history + 4 });
      expect(points.map((p) => p.period)).toEqual([0, 1, 2, 3, 4].map((i) => history + i));
      for (const p of points) {
        expect(p.observed).toBe(positives[p.period]);
        expect(p.tested).toBe(tested[p.period]);
      }
    });

    it('does not alarm on the steady share it was built from', () => {
      const points = detector.detect(positives, tested, { from: history });
      expect(points.every((p) => p.alarm === false)).toBe(true);
    });

    it('does not alarm when submissions double at the same share', () => {
      const doubledTested = tested.map((n, t) => (t >= history ? 2 * n : n));
      const doubledPositives = positives.map((x, t) => (t >= history ? 2 * x : x));
      const points = detector.detect(doubledPositives, doubledTested, { from: history });
      expect(points.filter((p) => p.alarm === true)).toEqual([]);
    });

    it('alarms when the share doubles at the same submissions', () => {
      const risen = positives.map((x, t) => (t === history + 3 ? 2 * x : x));
      const points = detector.detect(risen, tested, { from: history });
      expect(points.find((p) => p.period === history + 3)?.alarm).toBe(true);
      expect(points.filter((p) => p.alarm === true)).toHaveLength(1);
    });

    it('judges nothing in a period with nothing tested, and skips it in later baselines', () => {
      const gap = [...tested];
      const gapPositives = [...positives];
      gap[history - 1] = 0;
      gapPositives[history - 1] = 0;
      const points = detector.detect(gapPositives, gap, { from: history - 1 });
      expect(points[0]).toMatchObject({ alarm: null, upperbound: null, tested: 0 });
      expect(points.slice(1).every((p) => p.alarm === false)).toBe(true);
    });

    it('returns nothing for an empty range and nothing judged without history', () => {
      expect(detector.detect(positives, tested, { from: positives.length })).toEqual([]);
      expect(detector.detect(positives, tested, { from: 0, to: 0 })[0]?.alarm).toBeNull();
    });
  });
}

runProportionDetectorConformance({ detector: createPositivityDetector(), history: 12 });
runProportionDetectorConformance({
  detector: createPositivityDetector({ baseline: 12, guard: 1, alpha: 0.01 }),
  history: 13,
});
