/**
 * Reads one ledger (CSV with a header, or JSON lines) from text chunks into a column table, with
 * one reject per bad row naming file, line and field, so rows read = accepted + rejected and
 * nothing is dropped silently. Cells that repeat (dates, countries, units, currencies, tariff
 * codes) are parsed once per distinct text. The caller opens the file; the engine only sees text.
 */
import { formatLocation, InputError, type RowReject } from '../core/index.js';
import { CsvSplitter } from '../input/index.js';
import {
  type CellParser,
  EXPORT_CELLS,
  EXPORT_COLUMNS,
  IMPORT_CELLS,
  IMPORT_COLUMNS,
  InvalidCell,
  type LedgerSide,
  OPTIONAL_COLUMNS,
} from './ledger-record.js';
import { LedgerTable, type LedgerRowValues } from './ledger-table.js';
import type { ValueBasis } from './ledger-fields.js';
import type { UnitDimension } from './quantity-units.js';

export type LedgerFormat = 'csv' | 'jsonl';

export interface LedgerReadOptions {
  side: LedgerSide;
  /** Shown in every error. */
  file: string;
  format: LedgerFormat;
  /** Called now and then with the number of rows read, for a progress bar. */
  onProgress?: (rowsRead: number) => void;
}

export interface LedgerReadResult {
  side: LedgerSide;
  file: string;
  /** The accepted records. */
  table: LedgerTable;
  rejected: RowReject[];
  /** Data rows read (header excluded): table.length + rejected.length. */
  read: number;
}

/** A reject as the one line a person reads: `file:line: field "x": reason`. */
export function rejectText(r: RowReject): string {
  return formatLocation(r) + r.reason;
}

/** Columns whose cells repeat across rows: parsed once per distinct text. */
const REPEATING = new Set([
  'date',
  'end_user',
  'destination_country',
  'origin_country',
  'via_countries',
  'hs_code',
  'eccn',
  'unit',
  'currency',
  'value_basis',
]);
/** Distinct cells remembered per column at most (a column that does not repeat stops caching). */
const CACHE_LIMIT = 50_000;

function cached<T>(parse: CellParser<T>): CellParser<T> {
  const memo = new Map<string, T | InvalidCell>();
  return (cell) => {
    let v = memo.get(cell);
    if (v === undefined) {
      v = parse(cell);
      if (memo.size < CACHE_LIMIT) memo.set(cell, v);
    }
    return v;
  };
}

/** The format a file name suggests: `.jsonl`, `.ndjson` or `.json` are JSON lines, anything else CSV. */
export function ledgerFormatOf(path: string): LedgerFormat {
  return /\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : 'csv';
}

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * @example
 * const r = await readLedger(createReadStream('exports.csv', 'utf8'), { side: 'export', file: 'exports.csv', format: 'csv' });
 * r.read === r.table.length + r.rejected.length; // true
 */
export async function readLedger(
  chunks: AsyncIterable<string | Buffer> | Iterable<string>,
  options: LedgerReadOptions,
): Promise<LedgerReadResult> {
  const { side, file } = options;
  const columns: readonly string[] = side === 'export' ? EXPORT_COLUMNS : IMPORT_COLUMNS;
  const cellParsers = side === 'export' ? EXPORT_CELLS : IMPORT_CELLS;
  const parsers = columns.map((c) => {
    const p = (cellParsers as Record<string, CellParser<unknown>>)[c]!;
    return REPEATING.has(c) ? cached(p) : p;
  });
  const table = new LedgerTable(side);
  const result: LedgerReadResult = { side, file, table, rejected: [], read: 0 };
  const seen = new Map<string, number>();
  const parsed: unknown[] = new Array(columns.length);
  const row = emptyRow();
  const fill = side === 'export' ? fillExport : fillImport;
  const reject = (line: number, field: string, reason: string, id?: string): void => {
    result.rejected.push({ file, line, field, reason, ...(id ? { id } : {}) });
  };

  /** `values` in `columns` order. */
  const accept = (values: readonly string[], line: number): void => {
    result.read++;
    if (options.onProgress && result.read % 50_000 === 0) options.onProgress(result.read);
    for (let k = 0; k < columns.length; k++) {
      const v = parsers[k]!(values[k] ?? '');
      if (v instanceof InvalidCell) {
        reject(line, columns[k]!, v.reason, values[0]?.trim() || undefined);
        return;
      }
      parsed[k] = v;
    }
    fill(parsed, row, line);
    const earlier = seen.get(row.recordId);
    if (earlier !== undefined) {
      reject(
        line,
        'record_id',
        `duplicate record id "${row.recordId}" (first on line ${earlier}); ids must be unique`,
        row.recordId,
      );
      return;
    }
    seen.set(row.recordId, line);
    table.append(row);
  };

  if (options.format === 'csv') {
    const splitter = new CsvSplitter();
    let header: string[] | undefined;
    let positions: number[] = [];
    const values: string[] = new Array(columns.length);
    const take = (cells: string[], line: number): void => {
      if (!header) {
        header = cells.map(columnKey);
        const missing = columns.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header!.includes(c));
        if (missing.length > 0)
          throw new InputError(
            `the ${side} ledger lacks column(s) ${missing.join(', ')}; expected ${columns.join(',')}`,
            { file, line },
          );
        positions = columns.map((c) => header!.indexOf(c));
        return;
      }
      if (cells.length !== header.length) {
        result.read++;
        reject(line, 'row', `${cells.length} cells where the header has ${header.length}`);
        return;
      }
      for (let k = 0; k < positions.length; k++) {
        const p = positions[k]!;
        values[k] = p < 0 ? '' : cells[p]!;
      }
      accept(values, line);
    };
    try {
      for await (const chunk of chunks)
        splitter.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'), take);
      splitter.finish('', take);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`not readable as CSV: ${(error as Error).message}`, { file });
    }
    if (!header) throw new InputError(`the ${side} ledger is empty (no header row)`, { file });
  } else {
    let rest = '';
    let lineNo = 0;
    const takeLine = (text: string): void => {
      lineNo++;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        result.read++;
        reject(lineNo, 'row', 'not a JSON object');
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        result.read++;
        reject(lineNo, 'row', 'not a JSON object');
        return;
      }
      const cells = new Map<string, string>();
      for (const [k, v] of Object.entries(value)) cells.set(columnKey(k), cellText(v));
      accept(
        columns.map((c) => cells.get(c) ?? ''),
        lineNo,
      );
    };
    for await (const chunk of chunks) {
      const text = rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      let pos = 0;
      for (;;) {
        const nl = text.indexOf('\n', pos);
        if (nl < 0) break;
        takeLine(text.slice(pos, nl));
        pos = nl + 1;
      }
      rest = text.slice(pos);
    }
    if (rest.length > 0) takeLine(rest);
  }
  options.onProgress?.(result.read);
  table.finish();
  return result;
}

type Amount = { value: number; halfStep: number };
type Unit = { unit: string; dimension: UnitDimension; factor: number };

function emptyRow(): LedgerRowValues {
  return {
    recordId: '',
    line: 0,
    day: 0,
    exporter: '',
    importer: '',
    endUser: '',
    country: '',
    via: [],
    hsCode: '',
    hs6: '',
    eccn: '',
    description: '',
    quantity: 0,
    unit: '',
    dimension: 'mass',
    baseQuantity: 0,
    quantityHalfStep: 0,
    value: 0,
    valueHalfStep: 0,
    currency: '',
    valueBasis: 'FOB',
  };
}

/** The parsed cells of an export row (EXPORT_COLUMNS order) into the reused row. */
function fillExport(p: unknown[], row: LedgerRowValues, line: number): void {
  row.recordId = p[0] as string;
  row.line = line;
  row.day = (p[1] as { day: number }).day;
  row.exporter = p[2] as string;
  row.importer = p[3] as string;
  row.endUser = (p[4] as string).trim();
  row.country = p[5] as string;
  row.via = p[6] as string[];
  const hs = p[7] as { code: string; hs6: string };
  row.hsCode = hs.code;
  row.hs6 = hs.hs6;
  row.eccn = p[8] as string;
  row.description = p[9] as string;
  fillAmounts(row, p[10] as Amount, p[11] as Unit, p[12] as Amount);
  row.currency = p[13] as string;
  row.valueBasis = p[14] as ValueBasis;
}

/** The parsed cells of an import row (IMPORT_COLUMNS order) into the reused row. */
function fillImport(p: unknown[], row: LedgerRowValues, line: number): void {
  row.recordId = p[0] as string;
  row.line = line;
  row.day = (p[1] as { day: number }).day;
  row.importer = p[2] as string;
  row.exporter = p[3] as string;
  row.endUser = '';
  row.country = p[4] as string;
  row.via = [];
  const hs = p[5] as { code: string; hs6: string };
  row.hsCode = hs.code;
  row.hs6 = hs.hs6;
  row.eccn = '';
  row.description = p[6] as string;
  fillAmounts(row, p[7] as Amount, p[8] as Unit, p[9] as Amount);
  row.currency = p[10] as string;
  row.valueBasis = p[11] as ValueBasis;
}

function fillAmounts(row: LedgerRowValues, quantity: Amount, unit: Unit, value: Amount): void {
  row.quantity = quantity.value;
  row.unit = unit.unit;
  row.dimension = unit.dimension;
  row.baseQuantity = quantity.value * unit.factor;
  row.quantityHalfStep = quantity.halfStep * unit.factor;
  row.value = value.value;
  row.valueHalfStep = value.halfStep;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
