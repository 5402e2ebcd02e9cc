/**
 * Count series given as rows `series, period, count` (period an integer index), validated row by
 * row: the input of `sentinela warning detect`.
 */
import { InputError } from '../core/input-error.js';

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
