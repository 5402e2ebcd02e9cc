/**
 * The one CSV reader facade over csv-parse: text → rows with the line each row STARTS on (a quoted
 * line break inside a row does not shift it), blank lines skipped, a byte-order mark dropped, ragged
 * rows kept for the caller to judge, and malformed text (an unclosed quote) an InputError naming
 * file and line — never csv-parse's own error, which the CLI would report as an internal failure.
 * Readers that must stream a million rows use `CsvSplitter` (csv-splitter.ts) instead.
 */
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { InputError } from '../core/input-error.js';

/** One record and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvReadOptions {
  /** Cell separator (default a comma). */
  delimiter?: string;
  /** Trim white space around every cell (header included). */
  trim?: boolean;
  /** A quote inside an unquoted cell (`Joe "El Chapo" X`) is data, not a syntax error. */
  relaxQuotes?: boolean;
  /** The format named in errors (default CSV, TSV for a tab). */
  label?: string;
}

/**
 * @example
 * readCsvRows('a,b\n1,"x\ny"\n2,z\n', 'f.csv') // [{ line: 1, … }, { line: 2, cells: ['1', 'x\ny'] }, { line: 4, … }]
 */
export function readCsvRows(text: string, file: string, options: CsvReadOptions = {}): CsvRow[] {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, parserOptions(options)) as unknown as ParsedRecord[];
  } catch (error) {
    throw unreadable(error, file, options);
  }
  return parsed.map(({ record, info }) => ({ line: startLine(info), cells: record }));
}

/**
 * The same rows from a stream, for files read as they arrive (scored name pairs).
 * @example for await (const row of streamCsvRows(createReadStream(path), path)) …
 */
export async function* streamCsvRows(
  source: NodeJS.ReadableStream,
  file: string,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  const parser = source.pipe(parseStream(parserOptions(options)));
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>)
      yield { line: startLine(info), cells: record };
  } catch (error) {
    throw unreadable(error, file, options);
  }
}

type ParsedRecord = { record: string[]; info: { lines: number; raw?: string } };

function parserOptions(options: CsvReadOptions) {
  return {
    delimiter: options.delimiter ?? ',',
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...(options.trim && { trim: true }),
    ...(options.relaxQuotes && { relax_quotes: true }),
  } as const;
}

function unreadable(error: unknown, file: string, options: CsvReadOptions): InputError {
  if (error instanceof InputError) return error;
  const e = error as { message?: string; lines?: number };
  const label = options.label ?? (options.delimiter === '\t' ? 'TSV' : 'CSV');
  return new InputError(`not a readable ${label} file: ${e.message ?? String(error)}`, {
    file,
    ...(e.lines !== undefined && { line: e.lines }),
  });
}

/** A header row and the rows under it, each cell keyed by its column's name. */
export interface CsvObjects {
  /** The header's names, as `header` mapped them. */
  columns: string[];
  /** Line of the header row (0 for an empty file). */
  headerLine: number;
  rows: Array<{ line: number; values: Record<string, string> }>;
}

/**
 * Rows as objects keyed by the header (mapped by `header`, e.g. lower-cased); a short row lacks the
 * keys it has no cell for, cells beyond the header are dropped.
 *
 * @example
 * readCsvObjects('Date,N\n2024-01-02,3\n', 'r.csv', { header: (h) => h.toLowerCase() }).rows
 * // [{ line: 2, values: { date: '2024-01-02', n: '3' } }]
 */
export function readCsvObjects(
  text: string,
  file: string,
  options: CsvReadOptions & { header?: (name: string) => string } = {},
): CsvObjects {
  const [head, ...body] = readCsvRows(text, file, options);
  if (!head) return { columns: [], headerLine: 0, rows: [] };
  const columns = options.header ? head.cells.map(options.header) : head.cells;
  const rows = body.map(({ line, cells }) => {
    const values: Record<string, string> = {};
    const n = Math.min(cells.length, columns.length);
    for (let i = 0; i < n; i++) values[columns[i]!] = cells[i]!;
    return { line, values };
  });
  return { columns, headerLine: head.line, rows };
}

/** csv-parse reports the line a record ends on; a quoted line break moves its start up. */
function startLine(info: { lines: number; raw?: string }): number {
  const raw = (info.raw ?? '').replace(/^\n+|\n+$/g, '');
  let breaks = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) breaks++;
  return info.lines - breaks;
}
