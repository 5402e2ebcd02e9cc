/**
 * One ledger held as columns — typed arrays of numbers and ids into one table of distinct strings
 * — rather than an object per record: a million records are then a few dozen arrays the garbage
 * collector never walks, a party spelled the same way on 40,000 rows is one string, and matching
 * reads numbers in a row. A record is built as an object only when a gap tells about it.
 */
import { TextInterner } from '../input/index.js';
import { isoDay, type ValueBasis } from './ledger-fields.js';
import type { LedgerRecord, LedgerSide } from './ledger-record.js';
import type { UnitDimension } from './quantity-units.js';

export const DIMENSIONS: readonly UnitDimension[] = ['mass', 'volume', 'count'];
export const DIMENSION_CODE: Record<UnitDimension, number> = { mass: 0, volume: 1, count: 2 };
const BASES: readonly ValueBasis[] = ['FOB', 'CIF'];

/** The fields of one record as objects hold them (strings are interned by the table). */
export type LedgerRowValues = Omit<LedgerRecord, 'side' | 'date'>;

/** The fields of one record as the table holds them: strings as ids of `text`, codes as numbers. */
export interface LedgerRowIds {
  recordId: string;
  line: number;
  day: number;
  exporter: number;
  importer: number;
  endUser: number;
  country: number;
  via: number;
  hsCode: number;
  hs6: number;
  eccn: number;
  description: number;
  unit: number;
  currency: number;
  dimension: number;
  valueBasis: number;
  quantity: number;
  baseQuantity: number;
  quantityHalfStep: number;
  value: number;
  valueHalfStep: number;
}

/** The typed-array columns, by name. */
const TYPED_COLUMNS = [
  'line',
  'day',
  'exporter',
  'importer',
  'endUser',
  'country',
  'via',
  'hsCode',
  'hs6',
  'eccn',
  'description',
  'unit',
  'currency',
  'dimension',
  'valueBasis',
  'quantity',
  'baseQuantity',
  'quantityHalfStep',
  'value',
  'valueHalfStep',
] as const;

/** A table as plain data, for passing between threads. */
export interface LedgerColumns {
  side: LedgerSide;
  length: number;
  recordId: string[];
  text: string[];
  vias: string[][];
  typed: Record<string, Int32Array | Uint8Array | Float64Array>;
}

/**
 * @example
 * const t = new LedgerTable('export');
 * t.append(values); t.finish();
 * t.record(0).recordId; t.text[t.exporter[0]]; // the exporter as written
 */
export class LedgerTable {
  length = 0;
  recordId: string[] = [];
  line = new Int32Array(1024);
  day = new Int32Array(1024);
  /** Ids into `text`. */
  exporter = new Int32Array(1024);
  importer = new Int32Array(1024);
  /** The id of '' when no end user is declared. */
  endUser = new Int32Array(1024);
  country = new Int32Array(1024);
  /** Ids into `vias` (0: no transit declared). */
  via = new Int32Array(1024);
  hsCode = new Int32Array(1024);
  /** The HS6 as a number (854231). */
  hs6 = new Int32Array(1024);
  eccn = new Int32Array(1024);
  description = new Int32Array(1024);
  unit = new Int32Array(1024);
  currency = new Int32Array(1024);
  /** 0 mass, 1 volume, 2 count (DIMENSIONS). */
  dimension = new Uint8Array(1024);
  /** 0 FOB, 1 CIF. */
  valueBasis = new Uint8Array(1024);
  quantity = new Float64Array(1024);
  /** The quantity in kg, litres or items. */
  baseQuantity = new Float64Array(1024);
  /** Half a unit of the last digit written, in base units. */
  quantityHalfStep = new Float64Array(1024);
  value = new Float64Array(1024);
  valueHalfStep = new Float64Array(1024);
  /** The distinct transit lists; id 0 is none. */
  readonly vias: string[][] = [[]];
  private readonly strings: TextInterner;
  private readonly viaIds = new Map<string, number>([['', 0]]);

  constructor(
    readonly side: LedgerSide,
    strings?: TextInterner,
  ) {
    this.strings = strings ?? new TextInterner();
  }

  /**
   * The table as plain data (typed arrays and string arrays) for another thread; the arrays'
   * buffers can be transferred rather than copied.
   *
   * @example const copy = LedgerTable.fromColumns(table.columns());
   */
  columns(): LedgerColumns {
    const { side, length, recordId, vias } = this;
    const typed: Record<string, Int32Array | Uint8Array | Float64Array> = {};
    for (const name of TYPED_COLUMNS) typed[name] = this[name];
    return { side, length, recordId, text: [...this.text], vias, typed };
  }

  /** A table from `columns()` (in this thread or another). */
  static fromColumns(data: LedgerColumns): LedgerTable {
    const t = new LedgerTable(data.side, TextInterner.of(data.text));
    t.length = data.length;
    t.recordId = data.recordId;
    for (const via of data.vias.slice(1)) t.viaId(via);
    for (const name of TYPED_COLUMNS) (t as unknown as Record<string, unknown>)[name] = data.typed[name];
    return t;
  }

  /**
   * A ledger already read as records (tests, callers holding objects).
   *
   * @example LedgerTable.fromRecords('import', records).length === records.length
   */
  static fromRecords(side: LedgerSide, records: readonly LedgerRecord[]): LedgerTable {
    const t = new LedgerTable(side);
    for (const r of records) t.append(r);
    t.finish();
    return t;
  }

  /** The distinct strings of the ledger; id 0 is ''. */
  get text(): readonly string[] {
    return this.strings.text;
  }

  /** The id of a string in `text` (interned). */
  intern(s: string): number {
    return this.strings.idOf(s);
  }

  /** The id of `source.slice(start, end)` in `text`, without cutting the slice to look it up. */
  internSpan(source: string, start: number, end: number): number {
    return this.strings.idOfSpan(source, start, end);
  }

  /** The id of a transit list in `vias` (0 for none). */
  viaId(via: readonly string[]): number {
    if (via.length === 0) return 0;
    const key = via.join(';');
    let id = this.viaIds.get(key);
    if (id === undefined) {
      id = this.vias.length;
      this.vias.push([...via]);
      this.viaIds.set(key, id);
    }
    return id;
  }

  append(v: LedgerRowValues): void {
    this.appendIds({
      ...v,
      exporter: this.intern(v.exporter),
      importer: this.intern(v.importer),
      endUser: this.intern(v.endUser),
      country: this.intern(v.country),
      via: this.viaId(v.via),
      hsCode: this.intern(v.hsCode),
      hs6: Number(v.hs6),
      eccn: this.intern(v.eccn),
      description: this.intern(v.description),
      unit: this.intern(v.unit),
      currency: this.intern(v.currency),
      dimension: DIMENSION_CODE[v.dimension],
      valueBasis: v.valueBasis === 'CIF' ? 1 : 0,
    });
  }

  appendIds(v: LedgerRowIds): void {
    if (this.length === this.line.length) this.grow();
    const k = this.length++;
    this.recordId.push(v.recordId);
    this.line[k] = v.line;
    this.day[k] = v.day;
    this.exporter[k] = v.exporter;
    this.importer[k] = v.importer;
    this.endUser[k] = v.endUser;
    this.country[k] = v.country;
    this.via[k] = v.via;
    this.hsCode[k] = v.hsCode;
    this.hs6[k] = v.hs6;
    this.eccn[k] = v.eccn;
    this.description[k] = v.description;
    this.unit[k] = v.unit;
    this.currency[k] = v.currency;
    this.dimension[k] = v.dimension;
    this.valueBasis[k] = v.valueBasis;
    this.quantity[k] = v.quantity;
    this.baseQuantity[k] = v.baseQuantity;
    this.quantityHalfStep[k] = v.quantityHalfStep;
    this.value[k] = v.value;
    this.valueHalfStep[k] = v.valueHalfStep;
  }

  /** Trims the columns to the records appended (call after the last `append`). */
  finish(): void {
    this.resize(this.length);
  }

  /** The HS6 of record `k` as six digits. */
  hs6Of(k: number): string {
    return String(this.hs6[k]!).padStart(6, '0');
  }

  /** Record `k` as an object, for the evidence of a gap. */
  record(k: number): LedgerRecord {
    const text = this.text;
    const dimension = DIMENSIONS[this.dimension[k]!]!;
    return {
      side: this.side,
      recordId: this.recordId[k]!,
      line: this.line[k]!,
      date: isoDay(this.day[k]!),
      day: this.day[k]!,
      exporter: text[this.exporter[k]!]!,
      importer: text[this.importer[k]!]!,
      endUser: text[this.endUser[k]!]!,
      country: text[this.country[k]!]!,
      via: [...this.vias[this.via[k]!]!],
      hsCode: text[this.hsCode[k]!]!,
      hs6: this.hs6Of(k),
      eccn: text[this.eccn[k]!]!,
      description: text[this.description[k]!]!,
      quantity: this.quantity[k]!,
      unit: text[this.unit[k]!]!,
      dimension,
      baseQuantity: this.baseQuantity[k]!,
      quantityHalfStep: this.quantityHalfStep[k]!,
      value: this.value[k]!,
      valueHalfStep: this.valueHalfStep[k]!,
      currency: text[this.currency[k]!]!,
      valueBasis: BASES[this.valueBasis[k]!]!,
    };
  }

  /** Every record as an object (small ledgers: tests, diagnosis). */
  toRecords(): LedgerRecord[] {
    return Array.from({ length: this.length }, (_, k) => this.record(k));
  }

  private grow(): void {
    this.resize(Math.max(1024, this.line.length * 2));
  }

  private resize(n: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a.length <= n ? a : (a.subarray(0, n) as T));
      return b;
    };
    const i32 = (x: number) => new Int32Array(x);
    const u8 = (x: number) => new Uint8Array(x);
    const f64 = (x: number) => new Float64Array(x);
    this.line = copy(this.line, i32);
    this.day = copy(this.day, i32);
    this.exporter = copy(this.exporter, i32);
    this.importer = copy(this.importer, i32);
    this.endUser = copy(this.endUser, i32);
    this.country = copy(this.country, i32);
    this.via = copy(this.via, i32);
    this.hsCode = copy(this.hsCode, i32);
    this.hs6 = copy(this.hs6, i32);
    this.eccn = copy(this.eccn, i32);
    this.description = copy(this.description, i32);
    this.unit = copy(this.unit, i32);
    this.currency = copy(this.currency, i32);
    this.dimension = copy(this.dimension, u8);
    this.valueBasis = copy(this.valueBasis, u8);
    this.quantity = copy(this.quantity, f64);
    this.baseQuantity = copy(this.baseQuantity, f64);
    this.quantityHalfStep = copy(this.quantityHalfStep, f64);
    this.value = copy(this.value, f64);
    this.valueHalfStep = copy(this.valueHalfStep, f64);
  }
}
