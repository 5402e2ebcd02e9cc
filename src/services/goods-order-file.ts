/**
 * Reads an order file (CSV with a header, or JSON lines) one line at a time into `OrderLine`s.
 * A bad line is reported with file, line and field and the reading goes on; a CSV file without the
 * required columns fails at once (a JSON line may leave empty fields out). Counts in = accepted + rejected, nothing dropped silently.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { InputError } from '../core/index.js';
import { type OrderLine, readOrderLine, requiredColumns } from '../goods/index.js';

export interface OrderFileCounts {
  read: number;
  accepted: number;
  rejected: number;
}

export interface OrderFileHandlers {
  line(line: OrderLine): void;
  rejected(error: InputError): void;
  /** Bytes read so far, for a progress bar. */
  progress?(bytes: number, total: number): void;
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
  const stream = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    handlers.progress?.(bytes, total);
  });
  const parser = stream.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const where = { file, line: info.lines };
    if (!header) {
      header = record.map((c) => c.trim().toLowerCase());
      checkColumns(header, file, info.lines);
      continue;
    }
    counts.read++;
    if (record.length !== header.length) {
      counts.rejected++;
      handlers.rejected(
        new InputError(`${record.length} cells where the header has ${header.length}`, where),
      );
      continue;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i]!] = record[i]!;
    accept(row, where, counts, handlers);
  }
  if (!header) throw new InputError('the file is empty: expected a header line', { file, line: 1 });
  return counts;
}

async function readJsonLines(
  file: string,
  total: number,
  handlers: OrderFileHandlers,
): Promise<OrderFileCounts> {
  const counts: OrderFileCounts = { read: 0, accepted: 0, rejected: 0 };
  const stream = createReadStream(file, { encoding: 'utf8' });
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
      counts.rejected++;
      handlers.rejected(new InputError(`not valid JSON (${(error as Error).message})`, { file, line: n }));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      counts.rejected++;
      handlers.rejected(new InputError('expected one JSON object per line', { file, line: n }));
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
    counts.rejected++;
    handlers.rejected(error);
    return;
  }
  counts.accepted++;
  handlers.line(line);
}
