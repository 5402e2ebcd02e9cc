/**
 * Calendar periods for aggregation: ISO 8601 weeks (`2024-W07`, Monday-based, week 1 holds the
 * year's first Thursday), months (`2024-03`) and years, with the step to the next period so series
 * can be laid out without gaps.
 */

export type PeriodUnit = 'week' | 'month' | 'year';

/** Periods per year, as the detectors' `frequency`. */
export const periodsPerYear: Record<PeriodUnit, number> = { week: 52, month: 12, year: 1 };

/**
 * @example
 * periodKey('2021-01-03', 'week'); // '2020-W53'
 * periodKey('2024-03-15', 'month'); // '2024-03'
 */
export function periodKey(date: string, unit: PeriodUnit): string {
  if (unit === 'month') return date.slice(0, 7);
  if (unit === 'year') return date.slice(0, 4);
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() - weekday + 3);
  const isoYear = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week1Monday = new Date(jan4);
  week1Monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7));
  const week = 1 + Math.round((thursday.getTime() - week1Monday.getTime() - 3 * 86400000) / (7 * 86400000));
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week key, as a Date. */
function isoWeekMonday(key: string): Date {
  const [y, w] = key.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return monday;
}

/** The period after `key`. */
export function nextPeriod(key: string, unit: PeriodUnit): string {
  if (unit === 'year') return String(Number(key) + 1);
  if (unit === 'month') {
    const [y, m] = key.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const monday = isoWeekMonday(key);
  monday.setUTCDate(monday.getUTCDate() + 7);
  return periodKey(monday.toISOString().slice(0, 10), 'week');
}

/** Every period from `first` to `last` inclusive. */
export function periodRange(first: string, last: string, unit: PeriodUnit): string[] {
  const out = [first];
  while (out[out.length - 1]! < last && out.length < 100000) out.push(nextPeriod(out[out.length - 1]!, unit));
  return out;
}
