/**
 * Reads an order file (CSV with a header, or JSON lines) one line at a time into `OrderLine`s.
 * A bad line is reported as a `RowReject` (file, line, field) and the reading goes on; a CSV file without the
 * required columns fails at once (a JSON line may leave empty fields out). Counts in = accepted + rejected, nothing dropped silently.
 * CSV goes through the input facade's reading loop (`CsvLineReader`), one line at a time.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { InputError, type RowReject } from '../core/index.js';
import { CsvLineReader, decodeInputStream } from '../input/index.js';
import { type OrderLine, readOrderLine, requiredColumns } from '../goods/index.js';

export interface OrderFileCounts {
  read: number;
  accepted: number;
  rejected: number;
}

export interface OrderFileHandlers {
  line(line: OrderLine): void;
  /** A rejected line (counted in `rejected`), as every reader reports one. */
  rejected(reject: RowReject): void;
  /** Bytes read so far, for a progress bar. */
  progress?(bytes: number, total: number): void;
  /** Said to the user: the file was not UTF-8 and was read as Windows-1252, say. */
  warning?(text: string): void;
}

export function orderFileFormat(path: string): 'csv' | 'jsonl' {
  return /\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : 'csv';
}

function checkColumns(columns: readonly string[], file: string, line: number): void {
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length)
    throw new InputError(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (required: ${requiredColumns.join(', ')})`,
      {
        file,
        line,
        field: missing[0]!,
      },
    );
}

/**
 * @example
 * const counts = await readOrderFile('orders.csv', { line: (l) => screening.add(l), rejected: (e) => errors.push(e) });
 */
export async function readOrderFile(path: string, handlers: OrderFileHandlers): Promise<OrderFileCounts> {
  const total = statSync(path).size;
  return orderFileFormat(path) === 'jsonl'
    ? readJsonLines(path, total, handlers)
    : readCsv(path, total, handlers);
}

async function readCsv(file: string, total: number, handlers: OrderFileHandlers): Promise<OrderFileCounts> {
  const counts: OrderFileCounts = { read: 0, accepted: 0, rejected: 0 };
  let header: string[] | undefined;
  // Quotes relaxed: `2" pipe` in a description is data, as a customer's export means it.
  const reader = new CsvLineReader(
    file,
    { relaxQuotes: true },
    {
      row: (cells, line) => {
        // A line of blanks is no order line, as a blank line is not.
        if (cells.length === 1 && cells[0]!.trim() === '') return;
        if (!header) {
          header = cells.map((c) => c.trim().toLowerCase());
          checkColumns(header, file, line);
          return;
        }
        counts.read++;
        if (cells.length !== header.length) {
          reject(
            {
              file,
              line,
              field: 'row',
              reason: `${cells.length} cells where the header has ${header.length}`,
            },
            counts,
            handlers,
          );
          return;
        }
        const row: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) row[header[i]!] = cells[i]!;
        accept(row, { file, line }, counts, handlers);
      },
      bad: ({ line, error, unclosed }) => {
        // A quote opened in the header swallows every line after it: the file is not empty, its header is broken.
        if (!header && unclosed)
          throw new InputError(
            'the header line opens a quoted cell that is not closed before the end of the file',
            {
              file,
              line,
            },
          );
        if (!header) throw error;
        counts.read++;
        const reason = unclosed ? error.reason : `not valid CSV (${error.reason})`;
        reject({ file, line, field: 'row', reason }, counts, handlers);
      },
    },
  );
  let bytes = 0;
  for await (const chunk of decodeInputStream(createReadStream(file), file, (w) => handlers.warning?.(w))) {
    bytes += Buffer.byteLength(chunk);
    reader.write(chunk);
    handlers.progress?.(bytes, total);
  }
  reader.end();
  if (!header) throw new InputError('the file is empty: expected a header line', { file, line: 1 });
  return counts;
}

async function readJsonLines(
  file: string,
  total: number,
  handlers: OrderFileHandlers,
): Promise<OrderFileCounts> {
  const counts: OrderFileCounts = { read: 0, accepted: 0, rejected: 0 };
  const stream = Readable.from(decodeInputStream(createReadStream(file), file, (w) => handlers.warning?.(w)));
  let bytes = 0;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const text of lines) {
    n++;
    bytes += Buffer.byteLength(text) + 1;
    if (n % 4096 === 0) handlers.progress?.(bytes, total);
    if (text.trim() === '') continue;
    counts.read++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = `not valid JSON (${(error as Error).message})`;
      reject({ file, line: n, field: 'row', reason }, counts, handlers);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject({ file, line: n, field: 'row', reason: 'expected one JSON object per line' }, counts, handlers);
      continue;
    }
    accept(value as Record<string, unknown>, { file, line: n }, counts, handlers);
  }
  handlers.progress?.(total, total);
  return counts;
}

function accept(
  row: Record<string, unknown>,
  where: { file: string; line: number },
  counts: OrderFileCounts,
  handlers: OrderFileHandlers,
): void {
  let line: OrderLine;
  try {
    line = readOrderLine(row, where);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const id = typeof row.line_id === 'string' && row.line_id.trim() !== '' ? row.line_id.trim() : undefined;
    const field = error.field ?? 'row';
    reject(
      { file: where.file, line: where.line, field, reason: error.reason, ...(id && { id }) },
      counts,
      handlers,
    );
    return;
  }
  counts.accepted++;
  handlers.line(line);
}

function reject(rejected: RowReject, counts: OrderFileCounts, handlers: OrderFileHandlers): void {
  counts.rejected++;
  handlers.rejected(rejected);
}
