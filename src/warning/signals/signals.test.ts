import { describe, expect, it } from 'vitest';
import { createDetector } from '../detectors/detector-registry.js';
import { runEarlyWarning } from '../early-warning-run.js';
import { detectNovelty } from './novelty.js';
import { detectSpread } from './spread.js';

describe('detectNovelty', () => {
  const series = [
    { substance: 'xylazine', region: 'TX', counts: [0, 0, 0, 0, 2, 1] },
    { substance: 'fentanyl', region: 'TX', counts: [1, 0, 0, 0, 0, 3] },
    { substance: 'nitazene', region: 'NM', counts: [0, 1, 0, 0, 0, 0] },
  ];
  it('flags a first appearance within the look-back after enough absence', () => {
    expect(detectNovelty(series, { lookBack: 2, minimumPrior: 3 })).toEqual([
      { substance: 'xylazine', region: 'TX', period: 4, count: 2, absentPeriods: 4 },
    ]);
  });
  it('does not call a substance new without enough prior data', () => {
    expect(detectNovelty(series, { lookBack: 6, minimumPrior: 5 })).toEqual([]);
  });
});

describe('detectSpread', () => {
  it('alarms when many more regions report a substance than before, naming the new ones', () => {
    const regions = (n: number, offset = 0) => new Set(Array.from({ length: n }, (_, i) => `R${i + offset}`));
    const perPeriod = [...Array.from({ length: 12 }, (_, i) => regions(1 + (i % 2))), regions(9)];
    const out = detectSpread(
      new Map([['medetomidine', perPeriod]]),
      createDetector('ears-c2', { minSigma: 1 }),
      12,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.point.observed).toBe(9);
    expect(out[0]!.newRegions).toEqual(['R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);
  });
});

describe('runEarlyWarning', () => {
  const weekly = (
    startIso: string,
    weeks: number,
    perWeek: (w: number) => number,
    region: string,
    substance: string,
  ) =>
    Array.from({ length: weeks }, (_, w) => {
      const d = new Date(`${startIso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 7 * w);
      return { date: d.toISOString().slice(0, 10), region, substance, count: perWeek(w) };
    }).filter((r) => r.count > 0);

  it('raises rise, novelty and spread alerts with evidence and stable ids', () => {
    const reports = [
      ...weekly('2023-01-02', 60, (w) => 3 + (w % 3) + (w >= 57 ? 25 : 0), 'TX', 'fentanyl'),
      ...weekly('2023-01-02', 60, (w) => (w >= 58 ? 2 : 0), 'NM', 'xylazine'),
      ...weekly('2023-01-02', 60, (w) => 1 + (w % 2), 'NM', 'cocaine'),
    ];
    const options = {
      unit: 'week' as const,
      sources: [{ name: 'r.csv' }],
      createdAt: '2024-03-01T00:00:00Z',
    };
    const first = runEarlyWarning(reports, options);
    const kinds = first.alerts.map((a) => `${a.evidence.data.signal}:${a.subject}`);
    expect(kinds).toContain('rise:fentanyl|TX');
    expect(kinds).toContain('novelty:xylazine|NM');
    expect(kinds).toContain('novelty:xylazine|*');
    const rise = first.alerts.find((a) => a.subject === 'fentanyl|TX')!;
    expect(rise.rule.name).toBe('ears-c2');
    expect(rise.evidence.summary).toMatch(/fentanyl in TX/);
    const again = runEarlyWarning(reports, { ...options, createdAt: '2025-01-01T00:00:00Z' });
    expect(again.alerts.map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
  });
});

describe('detectNovelty with region activity', () => {
  it('does not call substances new in a region that only just started reporting', () => {
    const series = [
      { substance: 'fentanyl', region: 'A', counts: [0, 0, 0, 1] },
      { substance: 'cocaine', region: 'A', counts: [0, 0, 2, 1] },
      { substance: 'fentanyl', region: 'B', counts: [0, 0, 0, 1] },
      { substance: 'cocaine', region: 'B', counts: [1, 1, 1, 1] },
    ];
    const regionFirstActive = new Map([
      ['A', 2],
      ['B', 0],
    ]);
    const out = detectNovelty(series, { lookBack: 1, minimumPrior: 2, regionFirstActive });
    expect(out.map((n) => `${n.substance}|${n.region}`)).toEqual(['fentanyl|B']);
  });
});
