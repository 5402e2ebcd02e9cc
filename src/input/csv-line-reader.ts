/**
 * The one CSV reading loop (and the one csv-parse caller) behind every CSV the product reads, for
 * text that arrives in pieces (a stream of a million order lines) or all at once. A line that is a
 * whole record of plain or properly quoted cells takes the fast path (csv-line-cells.ts); a quoted
 * cell running over lines, a stray quote or anything else irregular goes to csv-parse, so the odd
 * cases keep its full RFC 4180 reading and every reader the same errors, naming file, line and
 * cell (an unclosed quote at the line where it opens, which csv-parse itself does not say).
 * Records end at LF or CRLF, mixed in one file too; a file whose first line ends in a bare CR
 * (classic Mac) is read by CR.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../core/input-error.js';
import { lineCells, quoteOpenAtEnd, recordQuotes, trimCell } from './csv-line-cells.js';

export interface CsvReadOptions {
  /** Cell separator, one character (default a comma). */
  delimiter?: string;
  /** Trim white space around every cell (header included), as csv-parse's `trim`. */
  trim?: boolean;
  /** A quote inside an unquoted cell (`Joe "El Chapo" X`) is data, not a syntax error. */
  relaxQuotes?: boolean;
  /** The format named in errors (default CSV, TSV for a tab). */
  label?: string;
}

/** A record csv-parse refused. */
export interface CsvBadRecord {
  /** The line the record starts on. */
  line: number;
  /** What is wrong, where: the exact line and cell (an unclosed quote: where it opens). */
  error: InputError;
  /** A quoted cell is still open at the end of the file: it took every line after it. */
  unclosed: boolean;
}

/** Where the records go. */
export interface CsvRecordSink {
  /** One record (blank lines skipped, ragged rows kept for the caller to judge). */
  row(cells: string[], line: number): void;
  /** A record that is not readable CSV; without it the reader throws the error. */
  bad?(record: CsvBadRecord): void;
}

const LF = 10;
const CR = 13;

/**
 * @example
 * const reader = new CsvLineReader('orders.csv', {}, { row: (cells, line) => … });
 * for await (const chunk of decodedStream) reader.write(chunk);
 * reader.end();
 */
export class CsvLineReader {
  private readonly delimiter: string;
  private readonly trim: boolean;
  private readonly options: CsvReadOptions;
  /** Text after the last line end seen, waiting for the rest of its line. */
  private rest = '';
  private started = false;
  /** The line end character: LF (CRLF too) or, for a classic Mac file, CR. */
  private lineEnd: typeof LF | typeof CR | undefined;
  /** Physical lines read so far. */
  private lineNo = 0;
  /** The raw lines of a record whose quoted cell is still open, and the line it starts on. */
  private pending = '';
  private pendingLine = 0;
  /** csv-parse and the quote scan disagreed on where a record ends: csv-parse reads the rest. */
  private parserTakesRest = false;

  constructor(
    private readonly file: string,
    options: CsvReadOptions,
    private readonly sink: CsvRecordSink,
  ) {
    this.options = options;
    this.delimiter = options.delimiter ?? ',';
    this.trim = options.trim === true;
    if (this.delimiter.length !== 1)
      throw new Error(`a CSV delimiter is one character, not "${this.delimiter}"`);
  }

  /** Reads the complete lines of `text` (decoded), keeping an unfinished last line for later. */
  write(text: string): void {
    let t = this.rest + text;
    if (!this.started && t.length > 0) {
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      this.started = true;
    }
    if (this.lineEnd === undefined && !this.detectLineEnd(t, false)) {
      this.rest = t;
      return;
    }
    const end = this.lineEnd === CR ? '\r' : '\n';
    let from = 0;
    for (let at = t.indexOf(end, from); at >= 0; at = t.indexOf(end, from)) {
      this.line(t, from, at + 1);
      from = at + 1;
    }
    this.rest = from === 0 ? t : t.slice(from);
  }

  /** Reads the last line and settles a record still open. */
  end(): void {
    const t = this.rest;
    this.rest = '';
    if (this.lineEnd === undefined) this.detectLineEnd(t, true);
    if (t !== '') this.line(t, 0, t.length);
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.parse(text, this.pendingLine, true);
    }
  }

  /** The first line end decides: a bare CR means a classic Mac file. False while undecided. */
  private detectLineEnd(t: string, final: boolean): boolean {
    const lf = t.indexOf('\n');
    const cr = t.indexOf('\r');
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr === t.length - 1 && !final) return false;
      this.lineEnd = t.charCodeAt(cr + 1) === LF ? LF : CR;
      return true;
    }
    if (lf < 0 && !final) return false;
    this.lineEnd = LF;
    return true;
  }

  /** One physical line, `t[from, to)` with its line end. */
  private line(t: string, from: number, to: number): void {
    this.lineNo++;
    let stop = to;
    if (stop > from && t.charCodeAt(stop - 1) === this.lineEnd) stop--;
    if (this.lineEnd === LF && stop > from && t.charCodeAt(stop - 1) === CR) stop--;
    if (this.parserTakesRest) {
      this.pending += t.slice(from, to);
      return;
    }
    const text = t.slice(from, stop);
    if (this.pending !== '') {
      this.pending += t.slice(from, to);
      if (!quoteOpenAtEnd(text, this.delimiter, true, this.trim)) {
        const record = this.pending;
        this.pending = '';
        this.parse(record, this.pendingLine, false);
      }
      return;
    }
    if (text === '') return;
    const cells = this.trim
      ? text.includes('"')
        ? undefined
        : text.split(this.delimiter).map(trimCell)
      : lineCells(text, this.delimiter);
    if (cells) {
      // Trimmed to nothing, a line of blanks is a blank line, as csv-parse skips it.
      if (this.trim && cells.length === 1 && cells[0] === '') return;
      this.sink.row(cells, this.lineNo);
    } else if (quoteOpenAtEnd(text, this.delimiter, false, this.trim)) {
      this.pending = t.slice(from, to);
      this.pendingLine = this.lineNo;
    } else {
      this.parse(t.slice(from, to), this.lineNo, false);
    }
  }

  /** Hands the lines of one record (or, once they disagreed, the rest of the file) to csv-parse. */
  private parse(text: string, firstLine: number, atEnd: boolean): void {
    let records: ParsedRecord[];
    try {
      records = parse(text, this.parserOptions()) as unknown as ParsedRecord[];
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'CSV_QUOTE_NOT_CLOSED' && !atEnd) {
        this.parserTakesRest = true;
        this.pending = text;
        this.pendingLine = firstLine;
        return;
      }
      const bad = this.badRecord(error, text, firstLine);
      if (!this.sink.bad) throw bad.error;
      this.sink.bad(bad);
      return;
    }
    if (records.length === 1) {
      this.sink.row(records[0]!.record, firstLine);
      return;
    }
    // Several records (quotes relaxed, or the rest of the file): csv-parse's own line count is off
    // by one per CRLF inside quotes, so each record's start is counted here from its byte offset.
    const bytes = Buffer.from(text);
    const lineEnd = this.lineEnd === CR ? CR : LF;
    let line = firstLine;
    let at = 0;
    for (const { record, info } of records) {
      while (at < bytes.length && (bytes[at] === LF || bytes[at] === CR)) if (bytes[at++] === lineEnd) line++;
      this.sink.row(record, line);
      for (; at < info.bytes; at++) if (bytes[at] === lineEnd) line++;
    }
  }

  private parserOptions() {
    const { relaxQuotes } = this.options;
    return {
      delimiter: this.delimiter,
      record_delimiter: this.lineEnd === CR ? ['\r'] : ['\r\n', '\n'],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(this.trim && { trim: true }),
      ...(relaxQuotes && { relax_quotes: true }),
    };
  }

  /** csv-parse's error as an InputError naming the line and cell, in the product's words. */
  private badRecord(error: unknown, text: string, firstLine: number): CsvBadRecord {
    const e = error as { code?: string; message?: string; lines?: number; column?: number | string };
    const file = this.file;
    const at = (line: number | undefined, cell: number | string | undefined) => ({
      file,
      ...(line !== undefined && { line: firstLine + line - 1 }),
      ...(typeof cell === 'number' && { field: `column ${cell + 1}` }),
    });
    const found = recordQuotes(text.split(this.lineEnd === CR ? '\r' : /\r?\n/), this.delimiter, this.trim);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const where = found.open ? at(found.open.line, found.open.cell - 1) : at(e.lines, e.column);
      return {
        line: firstLine,
        error: new InputError('a quoted cell is not closed before the end of the file', where),
        unclosed: true,
      };
    }
    const stray = e.code === 'INVALID_OPENING_QUOTE' || /CLOSING_QUOTE$/.test(e.code ?? '');
    const where = stray && found.stray ? at(found.stray.line, found.stray.cell - 1) : at(e.lines, e.column);
    const reason =
      e.code === 'INVALID_OPENING_QUOTE'
        ? 'quote inside an unquoted cell (quote the whole cell and double the quotes inside it)'
        : stray
          ? 'unexpected text after a closing quote'
          : `not a readable ${this.options.label ?? (this.delimiter === '\t' ? 'TSV' : 'CSV')} file: ${e.message ?? String(error)}`;
    return { line: firstLine, error: new InputError(reason, where), unclosed: false };
  }
}

type ParsedRecord = { record: string[]; info: { bytes: number } };
