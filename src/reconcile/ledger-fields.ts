/**
 * Parsers for the cells of a ledger row: each returns the value or a reason the analyst can act
 * on, so a bad cell becomes a row error naming its field instead of a wrong comparison.
 */

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD; a time part is ignored). */
export function parseDay(cell: string): number | string {
  const m = /^\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[T ][0-9:.+\-Z]*)?\s*$/.exec(cell);
  if (!m) return `"${cell}" is not a date; write YYYY-MM-DD`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return `"${cell}" is not a calendar date`;
  return Math.round(ms / 86_400_000);
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A parsed amount and half a unit of its last written digit (how precise the ledger was). */
export interface ParsedAmount {
  value: number;
  /** Half the place value of the last digit written: "1200" → 0.5, "12.5" → 0.05. */
  halfStep: number;
}

const plainNumber = /^[+-]?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE][+-]?\d+)?$/;
const groupedNumber = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/;

/** A non-negative number cell ("1200", "1,200.50", "1.2e3"); `positive` also refuses zero. */
export function parseAmount(cell: string, what: string, positive: boolean): ParsedAmount | string {
  const s = cell.trim();
  let decimals: string | undefined;
  let text = s;
  const plain = plainNumber.exec(s);
  if (plain) decimals = plain[1] ?? plain[2];
  else {
    const grouped = groupedNumber.exec(s);
    if (!grouped) return s === '' ? `${what} is missing` : `"${cell}" is not a number`;
    decimals = grouped[1];
    text = s.replace(/,/g, '');
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return `"${cell}" is not a finite number`;
  if (value < 0) return `negative ${what} ${s}`;
  if (positive && value === 0) return `${what} is zero`;
  const exp = /[eE]/.test(text) ? 0 : (decimals?.length ?? 0);
  return { value, halfStep: 0.5 * 10 ** -exp };
}

/**
 * The six-digit HS subheading of a tariff code at any national detail ("8542.31.00.01" →
 * "854231"). Codes whose leading zero was lost to a spreadsheet (odd length: "2941000" for
 * "02941000"... chapters 01–09) get it back.
 */
export function parseHs6(cell: string): string | { reason: string } {
  let digits = cell.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) return { reason: `"${cell}" is not a tariff code (digits, dots allowed)` };
  if (digits.length % 2 === 1) digits = `0${digits}`;
  if (digits.length < 6) return { reason: `"${cell}" has fewer than six digits; HS6 is needed to compare` };
  return digits.slice(0, 6);
}

/** Valuation bases the ledgers may declare: FOB-like (at the exporter's border) or CIF-like (landed). */
export type ValueBasis = 'FOB' | 'CIF';

const bases: Record<string, ValueBasis> = {
  FOB: 'FOB',
  FAS: 'FOB',
  FCA: 'FOB',
  CIF: 'CIF',
  CIP: 'CIF',
};

/** The basis of a cell, or a reason. An empty cell takes the ledger's default (exports FOB, imports CIF). */
export function parseValueBasis(cell: string, fallback: ValueBasis): ValueBasis | { reason: string } {
  const s = cell.trim().toUpperCase();
  if (s === '') return fallback;
  return bases[s] ?? { reason: `unknown value basis "${cell}"; use FOB, FAS, FCA, CIF or CIP` };
}
