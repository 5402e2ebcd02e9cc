/**
 * Reads one ledger (CSV with a header, or JSON lines) from text chunks into records, with one
 * error per rejected row naming file, line and field, so rows read = accepted + rejected and
 * nothing is dropped silently. The caller opens the file; the engine only sees text.
 */
import { InputError } from '../core/index.js';
import { CsvSplitter } from './csv-records.js';
import {
  EXPORT_CELLS,
  EXPORT_COLUMNS,
  type ExportRow,
  exportRecord,
  IMPORT_CELLS,
  IMPORT_COLUMNS,
  type ImportRow,
  importRecord,
  type LedgerRecord,
  type LedgerSide,
  OPTIONAL_COLUMNS,
  parseRow,
} from './ledger-record.js';

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
  records: LedgerRecord[];
  rejected: InputError[];
  /** Data rows read (header excluded): records.length + rejected.length. */
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
 * r.read === r.records.length + r.rejected.length; // true
 */
export async function readLedger(
  chunks: AsyncIterable<string | Buffer> | Iterable<string>,
  options: LedgerReadOptions,
): Promise<LedgerReadResult> {
  const { side, file } = options;
  const columns: readonly string[] = side === 'export' ? EXPORT_COLUMNS : IMPORT_COLUMNS;
  const parse = (values: readonly string[]) =>
    side === 'export'
      ? parseRow(EXPORT_CELLS, EXPORT_COLUMNS, values)
      : parseRow(IMPORT_CELLS, IMPORT_COLUMNS, values);
  const toRecord = (row: unknown, line: number) =>
    side === 'export' ? exportRecord(row as ExportRow, line) : importRecord(row as ImportRow, line);
  const result: LedgerReadResult = { side, file, records: [], rejected: [], read: 0 };
  const seen = new Map<string, number>();

  /** `values` in `columns` order. */
  const accept = (values: readonly string[], line: number): void => {
    result.read++;
    if (options.onProgress && result.read % 50_000 === 0) options.onProgress(result.read);
    const parsed = parse(values);
    if ('reason' in parsed) {
      result.rejected.push(new InputError(parsed.reason, { file, line, field: parsed.field }));
      return;
    }
    const record = toRecord(parsed.row, line);
    const earlier = seen.get(record.recordId);
    if (earlier !== undefined) {
      result.rejected.push(
        new InputError(
          `duplicate record id "${record.recordId}" (first on line ${earlier}); ids must be unique`,
          {
            file,
            line,
            field: 'record_id',
          },
        ),
      );
      return;
    }
    seen.set(record.recordId, line);
    result.records.push(record);
  };

  if (options.format === 'csv') {
    const splitter = new CsvSplitter();
    let header: string[] | undefined;
    let positions: number[] = [];
    const take = (records: ReturnType<CsvSplitter['push']>): void => {
      for (const { line, cells } of records) {
        if (!header) {
          header = cells.map(columnKey);
          const missing = columns.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header!.includes(c));
          if (missing.length > 0)
            throw new InputError(
              `the ${side} ledger lacks column(s) ${missing.join(', ')}; expected ${columns.join(',')}`,
              { file, line },
            );
          positions = columns.map((c) => header!.indexOf(c));
          continue;
        }
        if (cells.length !== header.length) {
          result.read++;
          result.rejected.push(
            new InputError(`${cells.length} cells where the header has ${header.length}`, { file, line }),
          );
          continue;
        }
        accept(
          positions.map((p) => (p < 0 ? '' : cells[p]!)),
          line,
        );
      }
    };
    try {
      for await (const chunk of chunks)
        take(splitter.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
      take(splitter.end());
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
        result.rejected.push(new InputError('not a JSON object', { file, line: lineNo }));
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        result.read++;
        result.rejected.push(new InputError('not a JSON object', { file, line: lineNo }));
        return;
      }
      const row = new Map<string, string>();
      for (const [k, v] of Object.entries(value)) row.set(columnKey(k), cellText(v));
      accept(
        columns.map((c) => row.get(c) ?? ''),
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
  return result;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
