/**
 * Reads one ledger (CSV with a header, or JSON lines) from text chunks into a column table, with
 * one reject per bad row naming file, line and field, so rows read = accepted + rejected and
 * nothing is dropped silently. Cells that repeat (dates, countries, units, currencies, tariff
 * codes) are parsed once per distinct text. The caller opens the file; the engine only sees text.
 */
import { InputError, type RowReject } from '../core/index.js';
import { CsvRowView, CsvSplitter, TextInterner } from '../input/index.js';
import { EXPORT_COLUMNS, IMPORT_COLUMNS, type LedgerSide, OPTIONAL_COLUMNS } from './ledger-record.js';
import { LedgerRowParser } from './ledger-row-parser.js';
import { LedgerTable } from './ledger-table.js';

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
  const table = new LedgerTable(side);
  const result: LedgerReadResult = { side, file, table, rejected: [], read: 0 };
  const parser = new LedgerRowParser(side, table);
  // Record ids seen so far; id n is the table's row n - 1 (ids are added only for accepted rows).
  const seen = new TextInterner();
  const reject = (line: number, field: string, reason: string, id?: string): void => {
    result.rejected.push({ file, line, field, reason, ...(id ? { id } : {}) });
  };

  /** `positions[k]`: where column k (in `columns` order) lies in the row, -1 when absent. */
  const accept = (row: CsvRowView, positions: readonly number[], line: number): void => {
    result.read++;
    if (options.onProgress && result.read % 50_000 === 0) options.onProgress(result.read);
    const parsed = parser.parse(row, positions, line);
    if ('reason' in parsed) {
      const idAt = positions[0]!;
      reject(line, parsed.field, parsed.reason, idAt < 0 ? undefined : row.cell(idAt).trim() || undefined);
      return;
    }
    const before = seen.size;
    const id = seen.idOf(parsed.recordId);
    if (id < before) {
      reject(
        line,
        'record_id',
        `duplicate record id "${parsed.recordId}" (first on line ${table.line[id - 1]}); ids must be unique`,
        parsed.recordId,
      );
      return;
    }
    table.appendIds(parsed);
  };

  if (options.format === 'csv') {
    const splitter = new CsvSplitter();
    let header: string[] | undefined;
    let positions: number[] = [];
    const take = (row: CsvRowView): void => {
      if (!header) {
        header = row.cells().map(columnKey);
        const missing = columns.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header!.includes(c));
        if (missing.length > 0)
          throw new InputError(
            `the ${side} ledger lacks column(s) ${missing.join(', ')}; expected ${columns.join(',')}`,
            { file, line: row.line },
          );
        positions = columns.map((c) => header!.indexOf(c));
        return;
      }
      if (row.count !== header.length) {
        result.read++;
        reject(row.line, 'row', `${row.count} cells where the header has ${header.length}`);
        return;
      }
      accept(row, positions, row.line);
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
    const row = new CsvRowView();
    const positions = columns.map((_, k) => k);
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
      row.count = 0;
      for (const c of columns) row.add(-1, -1, cells.get(c) ?? '');
      accept(row, positions, lineNo);
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

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
