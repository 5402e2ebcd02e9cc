import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { runEarlyWarning } from '../early-warning-run.js';
import { monthStart, type PositivityTableMapping, positivityTableReports } from './positivity-table.js';

const nycMapping: PositivityTableMapping = {
  periodColumn: 'yr_mo',
  testedColumn: 'Total_Lab',
  positives: {
    fentanyl: 'Total_Lab_Fent_Pos',
    xylazine: 'Total_Lab_Xyl_Pos',
    medetomidine: 'Total_Lab_Med_Pos',
  },
  region: 'NYC',
  source: 'drug-checking',
};

describe('positivity tables', () => {
  it('reads months as "Mon YYYY", YYYY-MM or a date', () => {
    expect(monthStart('May 2025')).toBe('2025-05-01');
    expect(monthStart('Sept 2025')).toBe('2025-09-01');
    expect(monthStart('2026-03')).toBe('2026-03-01');
    expect(monthStart('2026-03-17')).toBe('2026-03-01');
    expect(monthStart('Mai 2025')).toBeNull();
    expect(monthStart('2026-13')).toBeNull();
  });

  it('turns each row into one report per substance and rejects bad rows once with line and field', () => {
    const table = [
      '"yr_mo","Total_Lab_Fent_Pos","Total_Lab_Xyl_Pos","Total_Lab_Med_Pos","Total_Lab"',
      'May 2025,38,18,15,40',
      'Jun 2025,39,20,,46',
      'Jul 2025,49,26,60,52',
      'Smarch 2025,1,1,1,5',
      'Aug 2025,62,31,29,77',
    ].join('\n');
    const out = positivityTableReports(table, nycMapping);
    expect(out.accepted).toHaveLength(6);
    expect(out.tableRows).toBe(5);
    expect(out.accepted[2]).toMatchObject({
      date: '2025-05-01',
      region: 'NYC',
      substance: 'medetomidine',
      count: 15,
      tested: 40,
      source: 'drug-checking',
      line: 2,
    });
    expect(out.rejected).toEqual([
      { line: 3, field: 'Total_Lab_Med_Pos', reason: 'is required' },
      {
        line: 4,
        field: 'Total_Lab',
        reason: 'must be at least count (positives cannot exceed samples tested)',
      },
      { line: 5, field: 'yr_mo', reason: 'must be a month such as "May 2025" or 2025-05' },
    ]);
  });
});

describeWithSharedData('NYC drug checking positivity (shared data)', () => {
  const text = readFileSync(
    sharedData('earlywarning', 'nyc-drug-checking', 'data_multipanel_positivity.csv'),
    'utf8',
  );

  it('reads every month and judges the last three months on positivity', () => {
    const parsed = positivityTableReports(text, nycMapping);
    const rows = text.trim().split('\n').length - 1;
    expect(parsed.rejected).toEqual([]);
    expect(parsed.accepted).toHaveLength(rows * 3);
    const result = runEarlyWarning(parsed.accepted, {
      unit: 'month',
      evaluatePeriods: 3,
      sources: [],
      createdAt: '2026-05-01T00:00:00Z',
    });
    const nyc = result.aggregation.series.filter((s) => s.region === 'NYC');
    expect(nyc.map((s) => s.substance)).toEqual(['fentanyl', 'medetomidine', 'xylazine']);
    for (const s of nyc) expect(s.tested).toBeDefined();
    expect(result.detectorUse.positivity).toBe(3); // NYC only: the all-regions series repeats it
    // Whatever it finds, every rise is a positivity rise with a share and a denominator.
    for (const a of result.alerts.filter((x) => x.evidence.data.signal === 'rise')) {
      expect(a.rule.name).toBe('positivity');
      expect(a.evidence.summary).toMatch(/% of \d+ samples in \d{4}-\d{2} vs \d+ % expected/);
    }
  });
});
