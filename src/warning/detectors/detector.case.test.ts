/**
 * The conformance suite every detector passes: one point per evaluated period, in order, with
 * the observed count; no alarm on a flat series; an alarm on a large spike.
 */
import { describe, expect, it } from 'vitest';
import type { Detector } from './detector.js';
import { createDetector, detectorMethods } from './detector-registry.js';

export interface DetectorCase {
  detector: Detector;
  /** A series long enough for this detector, before the evaluated periods. */
  history: number;
  /** Periods by which the detector alarms late by design (R's C3 ignores the current week). */
  alarmDelay?: number;
}

function background(length: number): number[] {
  // Deterministic counts around 10 (no randomness: tests must be repeatable).
  const cycle = [8, 11, 9, 12, 10];
  return Array.from({ length }, (_, t) => cycle[t % cycle.length]!);
}

export function runDetectorConformance({ detector, history, alarmDelay = 0 }: DetectorCase): void {
  describe(`${detector.name} conformance`, () => {
    const series = background(history + 10);

    it('returns one point per evaluated period, in order, with the observed count', () => {
      const points = detector.detect(series, { from: history, to: history + 4 });
      expect(points.map((p) => p.period)).toEqual([
        history,
        history + 1,
        history + 2,
        history + 3,
        history + 4,
      ]);
      for (const p of points) expect(p.observed).toBe(series[p.period]);
    });

    it('does not alarm on the background it was built from', () => {
      const points = detector.detect(series, { from: history });
      expect(points.filter((p) => p.alarm === true)).toHaveLength(0);
    });

    it('alarms on a large spike', () => {
      const spiked = [...series];
      spiked[history + 3] = 80;
      const points = detector.detect(spiked, { from: history });
      expect(points.find((p) => p.period === history + 3 + alarmDelay)?.alarm).toBe(true);
    });

    it('returns nothing for an empty range', () => {
      expect(detector.detect(series, { from: series.length })).toEqual([]);
    });
  });
}

for (const method of detectorMethods) {
  const detector = createDetector(method);
  runDetectorConformance({ detector, history: detector.minimumHistory + 52 });
}
runDetectorConformance({
  detector: createDetector('ears-c3', { c3Mode: 'r-compatible' }),
  history: 20,
  alarmDelay: 1,
});
for (const method of ['farrington', 'noufaily', 'glrnb'] as const) {
  const detector = createDetector(method, { frequency: 12 });
  runDetectorConformance({
    detector: { ...detector, name: `${method} (monthly)` },
    history: detector.minimumHistory + 12,
  });
}
