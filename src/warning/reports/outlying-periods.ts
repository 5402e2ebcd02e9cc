/**
 * One mistyped date (2099 for 2019, 1900 for 2000) among years of reports stretches every series
 * to a century of empty periods: baselines collapse, every detector goes quiet, and the calendar
 * alone can exhaust memory. So before aggregation, the rows far outside the rest of the data are
 * rejected one by one with a reason the analyst can act on, instead of silently changing every
 * series. "Far" is measured as a gap with no data at all: the data's main body is the largest run
 * of periods with no gap longer than `maxGap`; rows outside it are rejected, as are rows outside an
 * explicit window (`notBefore`, `notAfter`, by default "not after today").
 */
import { type PeriodUnit, periodKey } from './period-keys.js';
import type { ParsedReports, SubstanceReport } from './substance-report.js';

/** Gap with no data that separates a row from the main body, in periods of each unit. */
export const defaultMaxGap: Record<PeriodUnit, number> = { week: 104, month: 24, year: 5 };

export interface MainSpan {
  first: number;
  last: number;
  /** How many values fall inside the span. */
  inside: number;
}

/**
 * The run of sorted values with no step longer than `maxGap` that holds the most values (the
 * latest such run on a tie: recent data is what early warning judges).
 *
 * @example
 * mainSpan([2021, 2022, 2023, 2099], 5); // { first: 2021, last: 2023, inside: 3 }
 */
export function mainSpan(values: readonly number[], maxGap: number): MainSpan | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let best: MainSpan | undefined;
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]! - sorted[i - 1]! <= maxGap) continue;
    const run = { first: sorted[start]!, last: sorted[i - 1]!, inside: i - start };
    if (!best || run.inside >= best.inside) best = run;
    start = i;
  }
  return best;
}

/** A period key as a number on a line with one step per period, so gaps can be measured. */
export function periodOrdinal(date: string, unit: PeriodUnit): number {
  const year = Number(date.slice(0, 4));
  if (unit === 'year') return year;
  if (unit === 'month') return year * 12 + Number(date.slice(5, 7)) - 1;
  const key = periodKey(date, 'week');
  const isoYear = Number(key.slice(0, 4));
  // ISO years have 52 or 53 weeks; counting every year as 53 only overstates a gap by a week a year.
  return isoYear * 53 + Number(key.slice(6)) - 1;
}

export interface DateWindowOptions {
  unit: PeriodUnit;
  /** Periods with no data that separate a row from the main body (default `defaultMaxGap`). */
  maxGap?: number | undefined;
  /** ISO dates; rows before / after are rejected. */
  notBefore?: string | undefined;
  notAfter?: string | undefined;
}

export interface DateWindowResult {
  /** The span of the accepted rows, for the summary line. */
  span?: { first: string; last: string };
  rejectedRows: number;
}

/**
 * Moves reports dated outside the window or the data's main body from `parsed.accepted` to
 * `parsed.rejected` (field `date`, with the reason), in place; counts in = accepted + rejected hold.
 *
 * @example
 * guardReportDates(parsed, { unit: 'week', notAfter: '2026-12-01' });
 */
export function guardReportDates(parsed: ParsedReports, options: DateWindowOptions): DateWindowResult {
  const unit = options.unit;
  const maxGap = options.maxGap ?? defaultMaxGap[unit];
  const kept: (SubstanceReport & { line: number })[] = [];
  const rejectedLines = new Set<number>();
  const reject = (r: SubstanceReport & { line: number }, reason: string) => {
    if (rejectedLines.has(r.line)) return;
    rejectedLines.add(r.line);
    parsed.rejected.push({ line: r.line, field: 'date', reason });
  };
  for (const r of parsed.accepted) {
    if (options.notAfter && r.date > options.notAfter)
      reject(r, `${r.date} is after ${options.notAfter} (the latest date accepted, --not-after)`);
    else if (options.notBefore && r.date < options.notBefore)
      reject(r, `${r.date} is before ${options.notBefore} (the earliest date accepted, --not-before)`);
    else kept.push(r);
  }
  const ordinals = kept.map((r) => periodOrdinal(r.date, unit));
  const span = mainSpan(ordinals, maxGap);
  const inside: (SubstanceReport & { line: number })[] = [];
  const outside: (SubstanceReport & { line: number })[] = [];
  kept.forEach((r, i) => {
    const o = ordinals[i]!;
    if (span && o >= span.first && o <= span.last) inside.push(r);
    else outside.push(r);
  });
  const dates = inside.map((r) => r.date).sort();
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? '';
  for (const r of outside) {
    const o = periodOrdinal(r.date, unit);
    const away = span ? (o < span.first ? span.first - o : o - span.last) : 0;
    reject(
      r,
      `${r.date} is ${away} ${unit}s ${o < (span?.first ?? 0) ? 'before' : 'after'} the rest of the data ` +
        `(${first} … ${last}, ${inside.length} reports); more than --max-gap ${maxGap} ${unit}s with no data between`,
    );
  }
  // A line rejected for one of its reports (a wide table row) is rejected whole.
  parsed.accepted = inside.filter((r) => !rejectedLines.has(r.line));
  parsed.rejected.sort((a, b) => a.line - b.line);
  return {
    ...(parsed.accepted.length > 0 && { span: { first, last } }),
    rejectedRows: rejectedLines.size,
  };
}
