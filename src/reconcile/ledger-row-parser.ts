/**
 * One ledger row from where its cells lie in the text to the table's ids and numbers, with the
 * same parsers and the same first-failing-field errors as the row schemas (ledger-record.ts).
 * Cells that repeat down a ledger (dates, countries, units, currencies, tariff codes) are parsed
 * once per distinct text; parties and descriptions are interned straight from the text; plain
 * decimal amounts are read without a regular expression — a million rows per side must take
 * seconds, not minutes.
 */
import { type CsvRowView, TextInterner } from '../input/index.js';
import { parseAmount } from './ledger-fields.js';
import {
  type CellParser,
  EXPORT_CELLS,
  EXPORT_COLUMNS,
  IMPORT_CELLS,
  IMPORT_COLUMNS,
  InvalidCell,
  type LedgerSide,
} from './ledger-record.js';
import { DIMENSION_CODE, type LedgerRowIds, type LedgerTable } from './ledger-table.js';
import type { UnitDimension } from './quantity-units.js';

/** Distinct cells remembered per column at most (a column that does not repeat stops caching). */
const CACHE_LIMIT = 50_000;

/** A column's parser, run once per distinct cell text; `lastKey` says which text the last call read. */
class CellCache<T> {
  private readonly keys = new TextInterner();
  private readonly values: Array<T | InvalidCell | undefined> = [];
  /** Per distinct text, a number the caller derived from the value (a table id), -1 when not yet. */
  readonly derived: number[] = [];
  lastKey = -1;

  constructor(private readonly parse: CellParser<T>) {}

  get(row: CsvRowView, p: number): T | InvalidCell {
    if (this.keys.size >= CACHE_LIMIT) {
      this.lastKey = -1;
      return this.parse(p < 0 ? '' : row.cell(p));
    }
    const quoted = p < 0 ? '' : row.quoted[p];
    const key =
      quoted !== undefined
        ? this.keys.idOf(quoted)
        : this.keys.idOfSpan(row.text, row.start[p]!, row.end[p]!);
    this.lastKey = key;
    let v = this.values[key];
    if (v === undefined) {
      v = this.parse(this.keys.text[key]!);
      this.values[key] = v;
      this.derived[key] = -1;
    }
    return v;
  }

  /** The derived number of the last text read, computed once per distinct text. */
  derive(compute: () => number): number {
    if (this.lastKey < 0) return compute();
    let d = this.derived[this.lastKey]!;
    if (d < 0) {
      d = compute();
      this.derived[this.lastKey] = d;
    }
    return d;
  }
}

const WHITE = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** A failed row: the first field at fault and why. */
export interface RowFault {
  field: string;
  reason: string;
}

/**
 * @example
 * const parser = new LedgerRowParser('export', table);
 * const ids = parser.parse(rowView, positions, line); // LedgerRowIds, or { field, reason }
 */
export class LedgerRowParser {
  private readonly columns: readonly string[];
  private readonly date: CellCache<{ day: number }>;
  private readonly hs: CellCache<{ code: string; hs6: string }>;
  private readonly unit: CellCache<{ unit: string; dimension: UnitDimension; factor: number }>;
  private readonly basis: CellCache<'FOB' | 'CIF'>;
  /** Repeating cells that become one table id each: their cache, the id of a value, the field set. */
  private readonly coded = new Map<
    string,
    {
      cache: CellCache<never>;
      toId: (value: never) => number;
      field: 'country' | 'via' | 'eccn' | 'currency';
    }
  >();
  private readonly row: LedgerRowIds = {
    recordId: '',
    line: 0,
    day: 0,
    exporter: 0,
    importer: 0,
    endUser: 0,
    country: 0,
    via: 0,
    hsCode: 0,
    hs6: 0,
    eccn: 0,
    description: 0,
    unit: 0,
    currency: 0,
    dimension: 0,
    valueBasis: 0,
    quantity: 0,
    baseQuantity: 0,
    quantityHalfStep: 0,
    value: 0,
    valueHalfStep: 0,
  };
  private amount = 0;
  private halfStep = 0;

  constructor(
    readonly side: LedgerSide,
    private readonly table: LedgerTable,
  ) {
    const exporting = side === 'export';
    this.columns = exporting ? EXPORT_COLUMNS : IMPORT_COLUMNS;
    this.date = new CellCache(EXPORT_CELLS.date);
    this.hs = new CellCache(EXPORT_CELLS.hs_code);
    this.unit = new CellCache(EXPORT_CELLS.unit);
    const coded = <T>(
      column: string,
      parse: CellParser<T>,
      toId: (value: T) => number,
      field: 'country' | 'via' | 'eccn' | 'currency',
    ) => this.coded.set(column, { cache: new CellCache(parse) as CellCache<never>, toId, field });
    const text = (s: string) => table.intern(s);
    if (exporting) coded('destination_country', EXPORT_CELLS.destination_country, text, 'country');
    else coded('origin_country', IMPORT_CELLS.origin_country, text, 'country');
    coded('via_countries', EXPORT_CELLS.via_countries, (list) => table.viaId(list), 'via');
    coded('eccn', EXPORT_CELLS.eccn, text, 'eccn');
    coded('currency', EXPORT_CELLS.currency, text, 'currency');
    this.basis = new CellCache(exporting ? EXPORT_CELLS.value_basis : IMPORT_CELLS.value_basis);
  }

  /**
   * The row's values, or its first bad field. `positions[k]` is where column k (in the side's
   * column order) lies in the row, -1 when the ledger has no such column.
   */
  parse(v: CsvRowView, positions: readonly number[], line: number): LedgerRowIds | RowFault {
    const row = this.row;
    const table = this.table;
    row.line = line;
    for (let k = 0; k < this.columns.length; k++) {
      const name = this.columns[k]!;
      const p = positions[k]!;
      switch (name) {
        case 'record_id': {
          const id = p < 0 ? '' : v.cell(p).trim();
          if (id === '') return { field: name, reason: 'record id is missing' };
          row.recordId = id;
          break;
        }
        case 'date': {
          const d = this.date.get(v, p);
          if (d instanceof InvalidCell) return { field: name, reason: d.reason };
          row.day = d.day;
          break;
        }
        case 'exporter':
        case 'importer': {
          const id = this.trimmedId(v, p);
          if (id === 0) return { field: name, reason: `${name} is missing` };
          if (name === 'exporter') row.exporter = id;
          else row.importer = id;
          break;
        }
        case 'end_user':
          row.endUser = this.trimmedId(v, p);
          break;
        case 'hs_code': {
          const h = this.hs.get(v, p);
          if (h instanceof InvalidCell) return { field: name, reason: h.reason };
          row.hsCode = this.hs.derive(() => table.intern(h.code));
          row.hs6 = Number(h.hs6);
          break;
        }
        case 'description': {
          const quoted = p < 0 ? '' : v.quoted[p];
          row.description =
            quoted !== undefined ? table.intern(quoted) : table.internSpan(v.text, v.start[p]!, v.end[p]!);
          break;
        }
        case 'quantity':
        case 'value': {
          const fault = this.readAmount(v, p, name, name === 'quantity');
          if (fault) return { field: name, reason: fault };
          if (name === 'quantity') {
            row.quantity = this.amount;
            row.quantityHalfStep = this.halfStep;
          } else {
            row.value = this.amount;
            row.valueHalfStep = this.halfStep;
          }
          break;
        }
        case 'unit': {
          const u = this.unit.get(v, p);
          if (u instanceof InvalidCell) return { field: name, reason: u.reason };
          row.unit = this.unit.derive(() => table.intern(u.unit));
          row.dimension = DIMENSION_CODE[u.dimension];
          // Quantity comes before unit in both ledgers' column order.
          row.baseQuantity = row.quantity * u.factor;
          row.quantityHalfStep *= u.factor;
          break;
        }
        case 'value_basis': {
          const b = this.basis.get(v, p);
          if (b instanceof InvalidCell) return { field: name, reason: b.reason };
          row.valueBasis = b === 'CIF' ? 1 : 0;
          break;
        }
        default: {
          const coded = this.coded.get(name);
          if (!coded) throw new Error(`no reader for ledger column ${name}`);
          const value = coded.cache.get(v, p);
          if (value instanceof InvalidCell) return { field: name, reason: value.reason };
          row[coded.field] = coded.cache.derive(() => coded.toId(value));
        }
      }
    }
    if (this.side === 'import') {
      row.endUser = 0;
      row.via = 0;
      row.eccn = 0;
    }
    return row;
  }

  /** The table id of a cell with white space around it removed (0 for an empty cell). */
  private trimmedId(v: CsvRowView, p: number): number {
    if (p < 0) return 0;
    const quoted = v.quoted[p];
    if (quoted !== undefined) return this.table.intern(quoted.trim());
    const t = v.text;
    let s = v.start[p]!;
    let e = v.end[p]!;
    while (s < e && WHITE(t.charCodeAt(s))) s++;
    while (e > s && WHITE(t.charCodeAt(e - 1))) e--;
    // Unicode white space (a no-break space) is trimmed as String.trim does.
    if (s < e && (t.charCodeAt(s) > 127 || t.charCodeAt(e - 1) > 127))
      return this.table.intern(t.slice(s, e).trim());
    return this.table.internSpan(t, s, e);
  }

  /**
   * Reads an amount into `amount` and `halfStep`; returns the reason when the cell is not one.
   * Digits with at most one decimal point are read here (the integer and the power of ten are
   * exact, so the division rounds as Number() would); anything else goes to `parseAmount`.
   */
  private readAmount(v: CsvRowView, p: number, what: string, positive: boolean): string | undefined {
    if (p >= 0 && v.quoted[p] === undefined) {
      const t = v.text;
      const s = v.start[p]!;
      const e = v.end[p]!;
      if (e - s > 0 && e - s <= 15) {
        let mantissa = 0;
        let point = -1;
        let plain = true;
        for (let k = s; k < e; k++) {
          const c = t.charCodeAt(k);
          if (c === 46 && point < 0) point = k;
          else if (c >= 48 && c <= 57) mantissa = mantissa * 10 + (c - 48);
          else {
            plain = false;
            break;
          }
        }
        if (plain && point !== s && point !== e - 1) {
          const decimals = point < 0 ? 0 : e - point - 1;
          const value = decimals === 0 ? mantissa : mantissa / 10 ** decimals;
          if (value > 0 || (!positive && value === 0)) {
            this.amount = value;
            this.halfStep = 0.5 * 10 ** -decimals;
            return undefined;
          }
        }
      }
    }
    const a = parseAmount(p < 0 ? '' : v.cell(p), what, positive);
    if (typeof a === 'string') return a;
    this.amount = a.value;
    this.halfStep = a.halfStep;
    return undefined;
  }
}
