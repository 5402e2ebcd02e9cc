import { describe, expect, it } from 'vitest';
import { AlertSchema } from '../../core/alert.js';
import { runEarlyWarning } from '../early-warning-run.js';
import type { SubstanceReport } from '../reports/substance-report.js';

/** Monthly drug-checking batches from Jan 2025: x positives of n tested per month. */
function monthly(substance: string, positives: number[], tested: number[]): SubstanceReport[] {
  return positives.map((x, i) => ({
    date: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    region: 'NYC',
    substance,
    count: x,
    tested: tested[i]!,
  }));
}

const options = {
  unit: 'month' as const,
  evaluatePeriods: 3,
  sources: [],
  createdAt: '2026-05-01T00:00:00Z',
};
const tested = [40, 46, 52, 44, 38, 41, 40, 43, 39, 42, 45, 40];

describe('runEarlyWarning on positivity', () => {
  it('raises a readable positivity rise when the share jumps at steady submissions', () => {
    const shares = [12, 14, 15, 13, 11, 12, 12, 13, 12, 12, 27, 12];
    const { alerts, detectorUse } = runEarlyWarning(monthly('medetomidine', shares, tested), options);
    const rises = alerts.filter((a) => a.evidence.data.signal === 'rise' && a.subject === 'medetomidine|NYC');
    expect(rises).toHaveLength(1);
    // One region: the all-regions series is the same numbers and raises nothing of its own.
    expect(alerts.filter((a) => a.subject === 'medetomidine|*')).toEqual([]);
    const [rise] = rises;
    expect(AlertSchema.parse(rise)).toBeTruthy();
    expect(rise!.rule.name).toBe('positivity');
    expect(rise!.evidence.data).toMatchObject({
      period: '2025-11',
      observed: 27,
      tested: 45,
      measure: 'positivity',
    });
    expect(rise!.evidence.summary).toMatch(
      /^Rise in positivity of medetomidine in NYC: 60 % of 45 samples in 2025-11 vs 3\d % expected \(upper bound \d+ %, p = /,
    );
    expect(detectorUse.positivity).toBeGreaterThan(0);
  });

  it('raises no rise when submissions double at a steady share (counts alone would)', () => {
    const doubled = tested.map((n, i) => (i >= 9 ? 2 * n : n));
    const positives = doubled.map((n) => Math.round(0.3 * n));
    const withTested = runEarlyWarning(monthly('xylazine', positives, doubled), options);
    expect(withTested.alerts.filter((a) => a.evidence.data.signal === 'rise')).toEqual([]);
    const countsOnly = monthly('xylazine', positives, doubled).map(({ tested: _, ...r }) => r);
    const withoutTested = runEarlyWarning(countsOnly, options);
    expect(withoutTested.alerts.some((a) => a.evidence.data.signal === 'rise')).toBe(true);
  });
});
