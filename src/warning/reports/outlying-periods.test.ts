import { describe, expect, it } from 'vitest';
import { guardReportDates, mainSpan, periodOrdinal } from './outlying-periods.js';
import { parseReports } from './substance-report.js';

describe('mainSpan', () => {
  it('keeps the largest run with no gap over maxGap, the latest on a tie', () => {
    expect(mainSpan([2021, 2022, 2023, 2099], 5)).toEqual({ first: 2021, last: 2023, inside: 3 });
    expect(mainSpan([1900, 2021, 2022], 5)).toEqual({ first: 2021, last: 2022, inside: 2 });
    expect(mainSpan([1, 100], 5)).toEqual({ first: 100, last: 100, inside: 1 });
    expect(mainSpan([], 5)).toBeUndefined();
  });
});

describe('periodOrdinal', () => {
  it('steps by one per period', () => {
    expect(periodOrdinal('2024-02-10', 'month') - periodOrdinal('2024-01-31', 'month')).toBe(1);
    expect(periodOrdinal('2024-01-08', 'week') - periodOrdinal('2024-01-01', 'week')).toBe(1);
  });
});

describe('guardReportDates', () => {
  const weekly = (): string[] => {
    const rows = ['date,region,substance'];
    for (let d = Date.UTC(2021, 0, 4); d < Date.UTC(2025, 0, 1); d += 7 * 86400000)
      rows.push(`${new Date(d).toISOString().slice(0, 10)},TX,xylazine`);
    return rows;
  };

  it('rejects a date far after or before four years of reports, per row, with the reason', () => {
    const rows = [...weekly(), '2099-03-01,TX,xylazine', '1900-05-01,TX,xylazine'];
    const parsed = parseReports(rows.join('\n'), 'csv');
    const total = parsed.accepted.length;
    const result = guardReportDates(parsed, { unit: 'week' });
    expect(parsed.accepted.length).toBe(total - 2);
    expect(parsed.rejected.map((r) => [r.line, r.field])).toEqual([
      [rows.length - 1, 'date'],
      [rows.length, 'date'],
    ]);
    expect(parsed.rejected[0]!.reason).toMatch(
      /^2099-03-01 is \d+ weeks after the rest of the data \(2021-01-04 … 2024-12-/,
    );
    expect(parsed.rejected[1]!.reason).toMatch(/^1900-05-01 is \d+ weeks before/);
    expect(result.span).toEqual({ first: '2021-01-04', last: parsed.accepted.at(-1)!.date });
  });

  it('keeps data with gaps shorter than the window and honours an explicit window', () => {
    const rows = [...weekly(), '2019-06-03,TX,xylazine'];
    const parsed = parseReports(rows.join('\n'), 'csv');
    guardReportDates(parsed, { unit: 'week' });
    expect(parsed.rejected).toEqual([]);
    const narrow = parseReports(rows.join('\n'), 'csv');
    guardReportDates(narrow, { unit: 'week', maxGap: 26, notAfter: '2024-06-30' });
    expect(narrow.rejected.find((r) => r.line === rows.length)?.reason).toMatch(
      /more than --max-gap 26 weeks/,
    );
    expect(narrow.rejected.some((r) => /after 2024-06-30/.test(r.reason))).toBe(true);
    expect(narrow.accepted.every((r) => r.date <= '2024-06-30' && r.date >= '2021-01-04')).toBe(true);
  });
});
