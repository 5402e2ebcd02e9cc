/**
 * Count series given as rows `series, period, count` (period an integer index), validated row by
 * row: the input of `sentinela warning detect`, and of any door (an API) that takes series as CSV.
 */
import { InputError, type RowReject } from '../core/input-error.js';
import { readCsvObjects } from '../input/index.js';
import { mainSpan } from './reports/outlying-periods.js';

export interface CountSeries {
  id: string;
  /** Period index of `counts[0]`. */
  firstPeriod: number;
  /** Counts for consecutive periods; periods absent from the input count as 0. */
  counts: number[];
  /** Samples tested per period (count = positives of tested), when the input has a tested column. */
  tested?: number[];
}

export interface SeriesTableRow {
  /** 1-based line in the file, for errors. */
  line: number;
  series: string | undefined;
  period: string | undefined;
  count: string | undefined;
  /** Samples tested (positivity input); undefined when the file has no such column. */
  tested?: string | undefined;
}

/**
 * The rows of a series CSV (header `series,period,count`, plus `tested` for positivity), cells
 * trimmed; a missing column is an InputError at line 1.
 *
 * @example
 * readSeriesCsv('series,period,count\na,1,3\n', 'in.csv', { tested: false });
 * // [{ line: 2, series: 'a', period: '1', count: '3', tested: undefined }]
 */
export function readSeriesCsv(text: string, file: string, options: { tested: boolean }): SeriesTableRow[] {
  const table = readCsvObjects(text, file, { trim: true });
  const columns = options.tested ? ['series', 'period', 'count', 'tested'] : ['series', 'period', 'count'];
  if (table.rows.length > 0)
    for (const column of columns)
      if (!table.columns.includes(column))
        throw new InputError(`missing column "${column}" (need ${columns.join(',')})`, { file, line: 1 });
  return table.rows.map(({ line, values }) => ({
    line,
    series: values.series,
    period: values.period,
    count: values.count,
    tested: options.tested ? values.tested : undefined,
  }));
}

/**
 * Groups rows into series. Throws an InputError naming file, line and field for the first bad row.
 *
 * @example
 * seriesFromRows([{ line: 2, series: 'a', period: '1', count: '3' }], 'in.csv');
 * // [{ id: 'a', firstPeriod: 1, counts: [3] }]
 */
export function seriesFromRows(rows: readonly SeriesTableRow[], file: string): CountSeries[] {
  const bySeries = new Map<string, Map<number, number>>();
  const testedBySeries = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const where = { file, line: row.line };
    const id = row.series?.trim();
    if (!id) throw new InputError('missing series name', { ...where, field: 'series' });
    const period = Number(row.period);
    if (row.period === undefined || row.period.trim() === '' || !Number.isInteger(period)) {
      throw new InputError(`period must be an integer index, got "${row.period ?? ''}"`, {
        ...where,
        field: 'period',
      });
    }
    const count = Number(row.count);
    if (row.count === undefined || row.count.trim() === '' || !Number.isInteger(count) || count < 0) {
      throw new InputError(`count must be a non-negative integer, got "${row.count ?? ''}"`, {
        ...where,
        field: 'count',
      });
    }
    let periods = bySeries.get(id);
    if (!periods) {
      periods = new Map();
      bySeries.set(id, periods);
    }
    if (row.tested !== undefined) {
      const tested = Number(row.tested);
      if (row.tested.trim() === '' || !Number.isInteger(tested) || tested < count) {
        throw new InputError(
          `tested must be a whole number of samples at least count (${count}), got "${row.tested}"`,
          { ...where, field: 'tested' },
        );
      }
      let t = testedBySeries.get(id);
      if (!t) {
        t = new Map();
        testedBySeries.set(id, t);
      }
      t.set(period, tested);
    }
    if (periods.has(period)) {
      throw new InputError(`period ${period} appears twice for series "${id}"`, {
        ...where,
        field: 'period',
      });
    }
    periods.set(period, count);
  }
  return [...bySeries].map(([id, periods]) => {
    const keys = [...periods.keys()];
    const first = Math.min(...keys);
    const last = Math.max(...keys);
    const counts = Array.from({ length: last - first + 1 }, (_, i) => periods.get(first + i) ?? 0);
    const tested = testedBySeries.get(id);
    if (!tested) return { id, firstPeriod: first, counts };
    // A period absent from the input had nothing tested: no information, not a zero share.
    return {
      id,
      firstPeriod: first,
      counts,
      tested: Array.from({ length: counts.length }, (_, i) => tested.get(first + i) ?? 0),
    };
  });
}

/**
 * Rejects, per row with its reason, the periods far outside the rest of their series: a row
 * separated from the series' main body by more than `maxGap` periods with no data (one mistyped
 * period index would otherwise stretch the series, and its memory, to that index). Rows whose
 * period is not an integer are left for `seriesFromRows` to report.
 *
 * @example
 * guardSeriesPeriods(rows, 104); // { accepted: [...], rejected: [{ line: 9, field: 'period', reason: '…' }] }
 */
export function guardSeriesPeriods(
  rows: readonly SeriesTableRow[],
  maxGap: number,
): { accepted: SeriesTableRow[]; rejected: RowReject[] } {
  const bySeries = new Map<string, { row: SeriesTableRow; period: number }[]>();
  const rejected: RowReject[] = [];
  for (const row of rows) {
    const period = Number(row.period);
    const id = row.series?.trim();
    if (!id || row.period === undefined || row.period.trim() === '' || !Number.isInteger(period)) continue;
    const list = bySeries.get(id) ?? [];
    list.push({ row, period });
    bySeries.set(id, list);
  }
  const outside = new Set<SeriesTableRow>();
  for (const [id, list] of bySeries) {
    const span = mainSpan(
      list.map((r) => r.period),
      maxGap,
    )!;
    for (const { row, period } of list) {
      if (period >= span.first && period <= span.last) continue;
      outside.add(row);
      const away = period < span.first ? span.first - period : period - span.last;
      rejected.push({
        line: row.line,
        field: 'period',
        reason:
          `${period} is ${away} periods ${period < span.first ? 'before' : 'after'} the rest of series "${id}" ` +
          `(${span.first} … ${span.last}, ${span.inside} rows); more than --max-gap ${maxGap} periods with no data between`,
      });
    }
  }
  const accepted = rows.filter((row) => !outside.has(row));
  rejected.sort((a, b) => a.line - b.line);
  return { accepted, rejected };
}
