/**
 * Reads an order file (CSV with a header, or JSON lines) one line at a time into `OrderLine`s.
 * A bad line is reported with file, line and field and the reading goes on; a CSV file without the
 * required columns fails at once (a JSON line may leave empty fields out). Counts in = accepted + rejected, nothing dropped silently.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { decodeInputStream, readCsvRows } from '../input/index.js';
import { createInterface } from 'node:readline';
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
  const record = (cells: string[], line: number): void => {
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      checkColumns(header, file, line);
      return;
    }
    counts.read++;
    if (cells.length !== header.length) {
      counts.rejected++;
      handlers.rejected(
        new InputError(`${cells.length} cells where the header has ${header.length}`, { file, line }),
      );
      return;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i]!] = cells[i]!;
    accept(row, { file, line }, counts, handlers);
  };
  // A record on one line is split here (quoted cells included); a quoted cell running over several
  // lines is gathered and handed to the CSV reader (csv-parse), which reads RFC 4180 in full.
  let quoted = '';
  let quotedFrom = 0;
  let quotes = 0;
  let lineNo = 0;
  let rest = '';
  let bytes = 0;
  const physical = (raw: string): void => {
    lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (quoted === '') {
      if (!text.includes('"')) {
        if (text.trim() !== '') record(text.split(','), lineNo);
        return;
      }
      const cells = splitQuotedLine(text);
      if (cells) {
        record(cells, lineNo);
        return;
      }
      quotedFrom = lineNo;
    }
    quoted += quoted === '' ? text : `\n${text}`;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) quotes++;
    if (quotes % 2 !== 0) return;
    let rows: string[][];
    try {
      rows = readCsvRows(quoted, file).map((r) => r.cells);
    } catch (error) {
      rows = [];
      counts.read++;
      counts.rejected++;
      const reason = error instanceof InputError ? error.reason : (error as Error).message;
      handlers.rejected(new InputError(`not valid CSV (${reason})`, { file, line: quotedFrom }));
    }
    for (const r of rows) record(r, quotedFrom);
    quoted = '';
    quotes = 0;
  };
  const stream = decodeInputStream(createReadStream(file), file, (w) => handlers.warning?.(w));
  for await (const chunk of stream) {
    bytes += Buffer.byteLength(chunk);
    let text = rest + chunk;
    if (lineNo === 0 && rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      physical(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
    handlers.progress?.(bytes, total);
  }
  if (rest !== '') physical(rest);
  // A quote opened in the header swallows every line after it: the file is not empty, its header is broken.
  if (!header && quoted !== '')
    throw new InputError(
      'the header line opens a quoted cell that is not closed before the end of the file',
      {
        file,
        line: quotedFrom,
      },
    );
  if (quoted !== '') {
    counts.read++;
    counts.rejected++;
    handlers.rejected(
      new InputError('a quoted cell is not closed before the end of the file', { file, line: quotedFrom }),
    );
  }
  if (!header) throw new InputError('the file is empty: expected a header line', { file, line: 1 });
  return counts;
}

/**
 * The cells of a record written on one line with quoted cells ("a, b" and "say ""x"""), or
 * undefined when a quoted cell is still open at the end of the line (it runs over lines).
 */
function splitQuotedLine(text: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        cell += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const comma = text.indexOf(',', i);
      // Text after a closing quote belongs to the cell, as csv-parse's relaxed reading keeps it.
      cell += comma < 0 ? text.slice(i) : text.slice(i, comma);
      cells.push(cell);
      if (comma < 0) return cells;
      i = comma + 1;
    } else {
      const comma = text.indexOf(',', i);
      cells.push(comma < 0 ? text.slice(i) : text.slice(i, comma));
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
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
