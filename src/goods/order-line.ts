/**
 * One order or shipment line as the goods rules read it, and its validation from a raw record
 * (a CSV row or a JSON object): every field that fails names itself, so a batch can report
 * file, line and field and go on with the next line.
 */
import { InputError } from '../core/index.js';
import { type CasReading, readCas } from './cas-number.js';
import { type HsReading, readHs } from './hs-code.js';
import { acceptedUnits, type Quantity, toQuantity } from './quantity-units.js';

export interface OrderLine {
  lineId: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  seller: string;
  buyer: string;
  buyerAddress: string;
  /** ISO 3166 alpha-2, upper case; '' when not given. */
  buyerCountry: string;
  consignee: string;
  shipToCountry: string;
  viaCountries: string[];
  /** Where the goods leave from, when the file says (column `origin_country` or `seller_country`). */
  originCountry: string;
  description: string;
  cas: CasReading;
  hs: HsReading;
  quantity: Quantity;
  /** Amount and unit as written, for evidence. */
  quantityText: string;
  permitRef: string;
}

/** The columns an input must have (the minimum); others are ignored. */
export const requiredColumns = [
  'line_id',
  'date',
  'seller',
  'buyer',
  'buyer_address',
  'buyer_country',
  'consignee',
  'ship_to_country',
  'via_countries',
  'description',
  'cas',
  'hs_code',
  'quantity',
  'unit',
  'permit_ref',
] as const;

const countryPattern = /^[A-Z]{2}$/;

function text(record: Record<string, unknown>, field: string): string {
  const v = record[field];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim() : String(v).trim();
}

function country(
  record: Record<string, unknown>,
  field: string,
  where: { file?: string; line?: number },
): string {
  const v = text(record, field).toUpperCase();
  if (v !== '' && !countryPattern.test(v))
    throw new InputError(`"${v}" is not a two-letter ISO country code`, { ...where, field });
  return v;
}

/** Parsed dates, CAS numbers and HS codes by their text: order files repeat them on many lines. */
const seenDates = new Map<string, string>();
const seenCas = new Map<string, CasReading>();
const seenHs = new Map<string, HsReading>();
const MEMO_LIMIT = 100_000;

function remember<T>(memo: Map<string, T>, key: string, read: (key: string) => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    v = read(key);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, v);
  }
  return v;
}

function isoDate(value: string, where: { file?: string; line?: number }): string {
  const known = seenDates.get(value);
  if (known !== undefined) return known;
  const date = readIsoDate(value, where);
  if (seenDates.size >= MEMO_LIMIT) seenDates.clear();
  seenDates.set(value, date);
  return date;
}

function readIsoDate(value: string, where: { file?: string; line?: number }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d)
      return `${m[1]}-${m[2]}-${m[3]}`;
  }
  throw new InputError(`"${value}" is not a date: expected YYYY-MM-DD`, { ...where, field: 'date' });
}

/**
 * Validates one raw record into an `OrderLine`, or throws an `InputError` naming the field.
 *
 * @example
 * readOrderLine({ line_id: 'L1', date: '2026-03-02', quantity: '25', unit: 'kg', … }, { file: 'orders.csv', line: 2 });
 */
export function readOrderLine(
  record: Record<string, unknown>,
  where: { file?: string; line?: number },
): OrderLine {
  const lineId = text(record, 'line_id');
  if (lineId === '') throw new InputError('line_id is empty', { ...where, field: 'line_id' });
  const date = isoDate(text(record, 'date'), where);
  const amountText = text(record, 'quantity').replace(/,/g, '');
  const amount = Number(amountText);
  if (amountText === '' || !Number.isFinite(amount) || amount <= 0 || amount > 1e12)
    throw new InputError(`"${text(record, 'quantity')}" is not a possible quantity (a positive number)`, {
      ...where,
      field: 'quantity',
    });
  const unit = text(record, 'unit');
  const quantity = toQuantity(amount, unit);
  if (!quantity)
    throw new InputError(`unknown unit "${unit}" (accepted: ${acceptedUnits})`, { ...where, field: 'unit' });
  const cas = remember(seenCas, text(record, 'cas'), readCas);
  if (cas.kind === 'malformed')
    throw new InputError(`"${cas.raw}": ${cas.reason}`, { ...where, field: 'cas' });
  const hs = remember(seenHs, text(record, 'hs_code'), readHs);
  if (hs.kind === 'malformed')
    throw new InputError(`"${hs.raw}": ${hs.reason}`, { ...where, field: 'hs_code' });
  const via = text(record, 'via_countries');
  const viaCountries =
    via === ''
      ? []
      : via
          .split(/[;,|]/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean);
  for (const c of viaCountries)
    if (!countryPattern.test(c))
      throw new InputError(`"${c}" is not a two-letter ISO country code`, {
        ...where,
        field: 'via_countries',
      });
  const description = text(record, 'description');
  if (description === '' && cas.kind === 'absent')
    throw new InputError('description and cas are both empty: nothing identifies the goods', {
      ...where,
      field: 'description',
    });
  return {
    lineId,
    date,
    seller: text(record, 'seller'),
    buyer: text(record, 'buyer'),
    buyerAddress: text(record, 'buyer_address'),
    buyerCountry: country(record, 'buyer_country', where),
    consignee: text(record, 'consignee'),
    shipToCountry: country(record, 'ship_to_country', where),
    viaCountries,
    originCountry:
      record.origin_country !== undefined
        ? country(record, 'origin_country', where)
        : country(record, 'seller_country', where),
    description,
    cas,
    hs,
    quantity,
    quantityText: `${text(record, 'quantity')} ${unit}`,
    permitRef: text(record, 'permit_ref'),
  };
}
