import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextPeriod, periodKey, periodRange } from './period-keys.js';
import { aggregateReports } from './series-aggregation.js';
import { parseReports } from './substance-report.js';
import { SubstanceSynonyms } from './substance-synonyms.js';

describe('parseReports', () => {
  it('accepts good rows, defaults count to 1 and rejects bad rows with line and field', () => {
    const csv = [
      'date,region,substance,count,quantity,unit,source',
      '2024-01-03,TX,fentanyl,3,1.5,g,lab',
      '2024-01-04,TX,xylazine,,,,',
      '2024-02-30,TX,xylazine,1,,,lab',
      '2024-01-05,,xylazine,1,,,lab',
      '2024-01-05,NM,xylazine,-2,,,lab',
      '2024-01-05,NM,xylazine,2,,,pharmacy',
    ].join('\n');
    const out = parseReports(csv, 'csv');
    expect(out.accepted).toHaveLength(2);
    expect(out.accepted[1]).toMatchObject({ substance: 'xylazine', count: 1, line: 3 });
    expect(out.rejected).toEqual([
      { line: 4, field: 'date', reason: 'is not a valid calendar date' },
      { line: 5, field: 'region', reason: 'is required' },
      { line: 6, field: 'count', reason: 'must not be negative' },
      expect.objectContaining({ line: 7, field: 'source' }),
    ]);
    expect(out.accepted.length + out.rejected.length).toBe(6);
  });

  it('reads JSON lines and reports malformed lines', () => {
    const jsonl = '{"date":"2024-01-03","region":"TX","substance":"tranq","count":2}\nnot json\n\n[1]\n';
    const out = parseReports(jsonl, 'jsonl');
    expect(out.accepted).toHaveLength(1);
    expect(out.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'row'],
      [4, 'row'],
    ]);
  });
});

describe('SubstanceSynonyms', () => {
  const table = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../data/warning/substance-synonyms.json'), 'utf8'),
  );
  const synonyms = new SubstanceSynonyms(table);

  it('maps published synonyms and spelling variants to one name', () => {
    for (const raw of [
      'p-FF',
      'para-fluoro fentanyl',
      'Para-Fluorofentanyl',
      '4-fluorofentanyl',
      'p‐fluorofentanyl',
    ]) {
      expect(synonyms.normalise(raw)).toEqual({ name: 'para-fluorofentanyl', mapped: true });
    }
    expect(synonyms.normalise('Tranq').name).toBe('xylazine');
    expect(synonyms.normalise('etonitazepyne').name).toBe('N-pyrrolidino etonitazene');
    expect(synonyms.normalise('N-pyrrolidino-etonitazene').name).toBe('N-pyrrolidino etonitazene');
  });

  it('keeps distinct substances distinct', () => {
    expect(synonyms.normalise('dexmedetomidine').name).toBe('dexmedetomidine');
    expect(synonyms.normalise('medetomidine').name).toBe('medetomidine');
  });

  it('passes unknown names through normalised and flags them', () => {
    expect(synonyms.normalise('  Novel   Compound – X ')).toEqual({
      name: 'novel compound-x',
      mapped: false,
    });
  });
});

describe('periods', () => {
  it('computes ISO weeks across year boundaries', () => {
    expect(periodKey('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodKey('2021-01-04', 'week')).toBe('2021-W01');
    expect(periodKey('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodKey('2026-06-15', 'week')).toBe('2026-W25');
    expect(nextPeriod('2020-W53', 'week')).toBe('2021-W01');
    expect(periodRange('2024-11', '2025-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('aggregateReports', () => {
  it('builds gap-free weekly series per substance × region and nationally', () => {
    const reports = [
      { date: '2024-01-01', region: 'TX', substance: 'xylazine', count: 2 },
      { date: '2024-01-03', region: 'NM', substance: 'xylazine', count: 1 },
      { date: '2024-01-22', region: 'TX', substance: 'xylazine', count: 4 },
    ];
    const agg = aggregateReports(reports, 'week');
    expect(agg.periods).toEqual(['2024-W01', '2024-W02', '2024-W03', '2024-W04']);
    const byKey = Object.fromEntries(agg.series.map((s) => [`${s.substance}|${s.region}`, s.counts]));
    expect(byKey['xylazine|*']).toEqual([3, 0, 0, 4]);
    expect(byKey['xylazine|TX']).toEqual([2, 0, 0, 4]);
    expect(byKey['xylazine|NM']).toEqual([1, 0, 0, 0]);
    expect(agg.regionsByPeriod.get('xylazine')!.map((s) => s.size)).toEqual([2, 0, 0, 1]);
  });

  it('aggregates by month', () => {
    const agg = aggregateReports(
      [
        { date: '2024-01-31', region: 'A', substance: 's', count: 1 },
        { date: '2024-03-01', region: 'A', substance: 's', count: 5 },
      ],
      'month',
    );
    expect(agg.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(agg.series.find((s) => s.region === 'A')!.counts).toEqual([1, 0, 5]);
  });
});

describe('reports with samples tested (positivity)', () => {
  it('accepts tested, rejects tested below count or not a number with line and field', () => {
    const csv = [
      'date,region,substance,count,tested',
      '2025-05-01,NYC,medetomidine,15,40',
      '2025-05-01,NYC,xylazine,0,40',
      '2025-06-01,NYC,medetomidine,19,',
      '2025-06-01,NYC,xylazine,50,46',
      '2025-06-01,NYC,fentanyl,3,many',
    ].join('\n');
    const out = parseReports(csv, 'csv');
    expect(out.accepted.map((r) => r.tested)).toEqual([40, 40, undefined]);
    expect(out.rejected).toEqual([
      {
        line: 5,
        field: 'tested',
        reason: 'must be at least count (positives cannot exceed samples tested)',
      },
      { line: 6, field: 'tested', reason: 'must be a whole number' },
    ]);
    expect(out.accepted.length + out.rejected.length).toBe(5);
  });

  it('sums positives and tested per substance × region × period and nationally', () => {
    const agg = aggregateReports(
      [
        { date: '2025-05-02', region: 'A', substance: 'm', count: 3, tested: 10 },
        { date: '2025-05-20', region: 'A', substance: 'm', count: 1, tested: 5 },
        { date: '2025-05-09', region: 'B', substance: 'm', count: 0, tested: 8 },
        { date: '2025-07-01', region: 'B', substance: 'm', count: 2, tested: 4 },
      ],
      'month',
    );
    const by = Object.fromEntries(agg.series.map((s) => [s.region, s]));
    expect(by.A).toMatchObject({ counts: [4, 0, 0], tested: [15, 0, 0] });
    expect(by.B).toMatchObject({ counts: [0, 0, 2], tested: [8, 0, 4] });
    expect(by['*']).toMatchObject({ counts: [4, 0, 2], tested: [23, 0, 4] });
    expect(agg.mixedDenominators).toEqual([]);
  });

  it('keeps a series with some rows lacking tested on counts only, and names it', () => {
    const agg = aggregateReports(
      [
        { date: '2025-05-02', region: 'A', substance: 'm', count: 3, tested: 10 },
        { date: '2025-06-02', region: 'A', substance: 'm', count: 2 },
        { date: '2025-06-02', region: 'B', substance: 'm', count: 1, tested: 9 },
      ],
      'month',
    );
    expect(agg.series.find((s) => s.region === 'A')!.tested).toBeUndefined();
    expect(agg.series.find((s) => s.region === 'B')!.tested).toEqual([0, 9]);
    expect(agg.mixedDenominators).toEqual(['m|*', 'm|A']);
  });
});
