/**
 * The one CSV reader facade: text → rows with the line each row STARTS on (a quoted line break
 * inside a row does not shift it), blank lines skipped, a byte-order mark dropped, ragged rows kept
 * for the caller to judge, and malformed text (an unclosed quote) an InputError naming file, line
 * and cell — never csv-parse's own error, which the CLI would report as an internal failure. All
 * of it goes through one reading loop (`CsvLineReader`, csv-line-reader.ts): plain lines at memory
 * speed, csv-parse for the rest; a reader of a stream too large to hold uses that class directly.
 */
import { type CsvReadOptions, CsvLineReader } from './csv-line-reader.js';

export type { CsvReadOptions };

/** One record and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * @example
 * readCsvRows('a,b\n1,"x\ny"\n2,z\n', 'f.csv') // [{ line: 1, … }, { line: 2, cells: ['1', 'x\ny'] }, { line: 4, … }]
 */
export function readCsvRows(text: string, file: string, options: CsvReadOptions = {}): CsvRow[] {
  const rows: CsvRow[] = [];
  const reader = new CsvLineReader(file, options, { row: (cells, line) => rows.push({ line, cells }) });
  reader.write(text);
  reader.end();
  return rows;
}

/**
 * The same rows from a byte stream (UTF-8), for files read as they arrive (scored name pairs).
 * @example for await (const row of streamCsvRows(createReadStream(path), path)) …
 */
export async function* streamCsvRows(
  source: NodeJS.ReadableStream,
  file: string,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  const rows: CsvRow[] = [];
  const reader = new CsvLineReader(file, options, { row: (cells, line) => rows.push({ line, cells }) });
  const decoder = new TextDecoder();
  for await (const chunk of source) {
    reader.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    yield* rows.splice(0);
  }
  reader.write(decoder.decode());
  reader.end();
  yield* rows.splice(0);
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
