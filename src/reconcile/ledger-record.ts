/**
 * The two ledgers' rows (the exporter's and the importer's declarations) as zod schemas over the
 * text cells, and the typed records they become: dates as day numbers, tariff codes at HS6,
 * quantities in the dimension's base unit, countries as ISO alpha-2.
 */
import { z } from 'zod';
import { countryCode } from './country-code.js';
import { currencyCode } from './currency-codes.js';
import {
  isoDay,
  parseAmount,
  parseDay,
  parseHs6,
  parseValueBasis,
  type ValueBasis,
} from './ledger-fields.js';
import { quantityUnit, type UnitDimension } from './quantity-units.js';

export type LedgerSide = 'export' | 'import';

/** One accepted ledger row. Export-only fields are empty on imports. */
export interface LedgerRecord {
  side: LedgerSide;
  recordId: string;
  /** 1-based line of the row in its file (the header is line 1 in CSV). */
  line: number;
  date: string;
  day: number;
  exporter: string;
  importer: string;
  /** Exports: the end user on the licence or declaration; '' when none is declared. */
  endUser: string;
  /** Exports: the destination; imports: the declared origin (ISO alpha-2). */
  country: string;
  /** Exports: countries of transit declared, in order. */
  via: string[];
  hsCode: string;
  hs6: string;
  /** Exports: the export control classification, upper-case ('' when none or EAR99). */
  eccn: string;
  description: string;
  quantity: number;
  unit: string;
  dimension: UnitDimension;
  /** The quantity in kg, litres or items. */
  baseQuantity: number;
  /** Half a unit of the last digit written, in base units: how exact the ledger was. */
  quantityHalfStep: number;
  value: number;
  valueHalfStep: number;
  currency: string;
  valueBasis: ValueBasis;
}

/** A cell that failed its parser, with the reason shown to the analyst. */
export class InvalidCell {
  constructor(readonly reason: string) {}
}

/** One column's parser: the cell text to a value, or why it cannot be read. */
export type CellParser<T> = (cell: string) => T | InvalidCell;

const invalid = (reason: string) => new InvalidCell(reason);

const text: CellParser<string> = (s) => s;
const required =
  (what: string): CellParser<string> =>
  (s) => {
    const t = s.trim();
    return t === '' ? invalid(`${what} is missing`) : t;
  };
const dateCell: CellParser<{ day: number; iso: string }> = (s) => {
  const d = parseDay(s);
  if (typeof d === 'string') return invalid(d);
  const t = s.trim();
  // Kept as written when already ISO (formatting a million dates costs seconds).
  return { day: d, iso: t.length === 10 && t[4] === '-' ? t : isoDay(d) };
};
const country =
  (what: string): CellParser<string> =>
  (s) => {
    if (s.trim() === '') return invalid(`${what} is missing`);
    return countryCode(s) ?? invalid(`"${s}" is not an ISO 3166 country code`);
  };
const viaCountries: CellParser<string[]> = (s) => {
  const out: string[] = [];
  if (s === '') return out;
  for (const part of s.split(/[;|,/\s]+/)) {
    if (part === '') continue;
    const c = countryCode(part);
    if (!c) return invalid(`"${part}" is not an ISO 3166 country code`);
    out.push(c);
  }
  return out;
};
const hsCell: CellParser<{ code: string; hs6: string }> = (s) => {
  const h = parseHs6(s);
  return typeof h === 'string' ? { code: s.trim(), hs6: h } : invalid(h.reason);
};
const amount =
  (what: string, positive: boolean): CellParser<{ value: number; halfStep: number }> =>
  (s) => {
    const a = parseAmount(s, what, positive);
    return typeof a === 'string' ? invalid(a) : a;
  };
const unitCell: CellParser<{ unit: string; dimension: UnitDimension; factor: number }> = (s) => {
  const u = quantityUnit(s);
  if (!u)
    return invalid(
      s.trim() === '' ? 'unit is missing' : `unknown unit "${s}" (kg, g, t, lb, l, ml, units, pairs, dozen…)`,
    );
  return { unit: s.trim(), ...u };
};
const currencyCell: CellParser<string> = (s) =>
  currencyCode(s) ?? invalid(`unknown currency "${s}" (ISO 4217)`);
const basis =
  (fallback: ValueBasis): CellParser<ValueBasis> =>
  (s) => {
    const b = parseValueBasis(s, fallback);
    return typeof b === 'string' ? b : invalid(b.reason);
  };
const eccnCell: CellParser<string> = (s) => {
  const e = s.trim().toUpperCase();
  return e === 'EAR99' || e === 'N/A' || e === 'NONE' ? '' : e;
};

/** The columns of the exporter's ledger and their parsers (snake_case, any order, extra columns ignored). */
export const EXPORT_CELLS = {
  record_id: required('record id'),
  date: dateCell,
  exporter: required('exporter'),
  importer: required('importer'),
  end_user: text,
  destination_country: country('destination country'),
  via_countries: viaCountries,
  hs_code: hsCell,
  eccn: eccnCell,
  description: text,
  quantity: amount('quantity', true),
  unit: unitCell,
  value: amount('value', false),
  currency: currencyCell,
  value_basis: basis('FOB'),
};

/** The columns of the importer's ledger and their parsers. */
export const IMPORT_CELLS = {
  record_id: required('record id'),
  date: dateCell,
  importer: required('importer'),
  exporter: required('exporter'),
  origin_country: country('origin country'),
  hs_code: hsCell,
  description: text,
  quantity: amount('quantity', true),
  unit: unitCell,
  value: amount('value', false),
  currency: currencyCell,
  value_basis: basis('CIF'),
};

type Cells = Record<string, CellParser<unknown>>;
type Parsed<C extends Cells> = { [K in keyof C]: Exclude<ReturnType<C[K]>, InvalidCell> };

/** A zod schema over the text cells built from the same parsers, for callers that validate objects. */
function schemaOf<C extends Cells>(cells: C) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, parse] of Object.entries(cells))
    shape[name] = z.string().transform((s, ctx) => {
      const v = parse(s);
      if (v instanceof InvalidCell) {
        ctx.addIssue({ code: 'custom', message: v.reason });
        return z.NEVER;
      }
      return v;
    });
  return z.object(shape) as unknown as z.ZodType<Parsed<C>, Record<keyof C, string>>;
}

/** The export row as a zod schema (the ledger reader applies the same parsers column by column). */
export const ExportRowSchema = schemaOf(EXPORT_CELLS);
export const ImportRowSchema = schemaOf(IMPORT_CELLS);

export const EXPORT_COLUMNS = Object.keys(EXPORT_CELLS) as (keyof typeof EXPORT_CELLS)[];
export const IMPORT_COLUMNS = Object.keys(IMPORT_CELLS) as (keyof typeof IMPORT_CELLS)[];
/** Columns a ledger may leave out (read as empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  'end_user',
  'via_countries',
  'eccn',
  'description',
  'value_basis',
]);
