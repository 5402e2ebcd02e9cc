/**
 * The two ledgers' rows (the exporter's and the importer's declarations) as zod schemas over the
 * text cells, and the typed records they become: dates as day numbers, tariff codes at HS6,
 * quantities in the dimension's base unit, countries as ISO alpha-2.
 */
import { z } from 'zod';
import { countryCode } from './country-code.js';
import { currencyCode } from './currency-codes.js';
import { parseAmount, parseDay, parseHs6, parseValueBasis, type ValueBasis } from './ledger-fields.js';
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

type Ctx = z.core.$RefinementCtx<string>;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER as never;
}

const text = z.string();
const required = (what: string) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    return t === '' ? fail(ctx, `${what} is missing`) : t;
  });
const dateCell = z.string().transform((s, ctx) => {
  const d = parseDay(s);
  return typeof d === 'string' ? fail(ctx, d) : d;
});
const country = (what: string) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === '') return fail(ctx, `${what} is missing`);
    return countryCode(s) ?? fail(ctx, `"${s}" is not an ISO 3166 country code`);
  });
const viaCountries = z.string().transform((s, ctx) => {
  const out: string[] = [];
  for (const part of s.split(/[;|,/\s]+/)) {
    if (part === '') continue;
    const c = countryCode(part);
    if (!c) return fail(ctx, `"${part}" is not an ISO 3166 country code`);
    out.push(c);
  }
  return out;
});
const hsCell = z.string().transform((s, ctx) => {
  const h = parseHs6(s);
  return typeof h === 'string' ? { code: s.trim(), hs6: h } : fail(ctx, h.reason);
});
const amount = (what: string, positive: boolean) =>
  z.string().transform((s, ctx) => {
    const a = parseAmount(s, what, positive);
    return typeof a === 'string' ? fail(ctx, a) : a;
  });
const unitCell = z.string().transform((s, ctx) => {
  const u = quantityUnit(s);
  if (!u)
    return fail(
      ctx,
      s.trim() === '' ? 'unit is missing' : `unknown unit "${s}" (kg, g, t, lb, l, ml, units, pairs, dozen…)`,
    );
  return { unit: s.trim(), ...u };
});
const currencyCell = z
  .string()
  .transform((s, ctx) => currencyCode(s) ?? fail(ctx, `unknown currency "${s}" (ISO 4217)`));
const basis = (fallback: ValueBasis) =>
  z.string().transform((s, ctx) => {
    const b = parseValueBasis(s, fallback);
    return typeof b === 'string' ? b : fail(ctx, b.reason);
  });
const eccnCell = z.string().transform((s) => {
  const e = s.trim().toUpperCase();
  return e === 'EAR99' || e === 'N/A' || e === 'NONE' ? '' : e;
});

/** The columns of the exporter's ledger (snake_case, any order, extra columns ignored). */
export const ExportRowSchema = z.object({
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
});

/** The columns of the importer's ledger. */
export const ImportRowSchema = z.object({
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
});

export const EXPORT_COLUMNS = Object.keys(ExportRowSchema.shape);
export const IMPORT_COLUMNS = Object.keys(ImportRowSchema.shape);
/** Columns a ledger may leave out (read as empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  'end_user',
  'via_countries',
  'eccn',
  'description',
  'value_basis',
]);

/** Turns a validated export row into a record. */
export function exportRecord(row: z.output<typeof ExportRowSchema>, line: number): LedgerRecord {
  return {
    side: 'export',
    recordId: row.record_id,
    line,
    date: isoOf(row.date),
    day: row.date,
    exporter: row.exporter,
    importer: row.importer,
    endUser: row.end_user.trim(),
    country: row.destination_country,
    via: row.via_countries,
    hsCode: row.hs_code.code,
    hs6: row.hs_code.hs6,
    eccn: row.eccn,
    description: row.description,
    quantity: row.quantity.value,
    unit: row.unit.unit,
    dimension: row.unit.dimension,
    baseQuantity: row.quantity.value * row.unit.factor,
    quantityHalfStep: row.quantity.halfStep * row.unit.factor,
    value: row.value.value,
    valueHalfStep: row.value.halfStep,
    currency: row.currency,
    valueBasis: row.value_basis,
  };
}

/** Turns a validated import row into a record. */
export function importRecord(row: z.output<typeof ImportRowSchema>, line: number): LedgerRecord {
  return {
    side: 'import',
    recordId: row.record_id,
    line,
    date: isoOf(row.date),
    day: row.date,
    exporter: row.exporter,
    importer: row.importer,
    endUser: '',
    country: row.origin_country,
    via: [],
    hsCode: row.hs_code.code,
    hs6: row.hs_code.hs6,
    eccn: '',
    description: row.description,
    quantity: row.quantity.value,
    unit: row.unit.unit,
    dimension: row.unit.dimension,
    baseQuantity: row.quantity.value * row.unit.factor,
    quantityHalfStep: row.quantity.halfStep * row.unit.factor,
    value: row.value.value,
    valueHalfStep: row.value.halfStep,
    currency: row.currency,
    valueBasis: row.value_basis,
  };
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
