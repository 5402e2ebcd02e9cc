/**
 * The CSV reader's fast path, one physical line at a time: a line that is a whole record of plain
 * or properly quoted cells (the bulk of every real file) is split here at memory speed, and the
 * quote scan says whether a line leaves a quoted cell open, so the reader knows which lines to hand
 * to csv-parse together. Anything irregular is left to csv-parse, which decides and names the error.
 * Pure string work, no parser state: the reader (csv-line-reader.ts) keeps the lines and numbers.
 */

const QUOTE = 34;

/**
 * The cells of a line that is a whole record: plain cells and cells quoted RFC 4180 style
 * (`"a, b"`, `"say ""hi"""`). Undefined when the line needs csv-parse: a quoted cell still open at
 * the end of the line, text after a closing quote, or a quote inside an unquoted cell.
 *
 * @example
 * lineCells('1,"a, b",', ',') // ['1', 'a, b', '']
 * lineCells('1,"a', ',')      // undefined (the quoted cell goes on to the next line)
 */
export function lineCells(line: string, delimiter: string): string[] | undefined {
  let quote = line.indexOf('"');
  if (quote < 0) return line.split(delimiter);
  const separator = delimiter.charCodeAt(0);
  const cells: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    if (i === quote) {
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) return undefined;
        if (line.charCodeAt(q + 1) === QUOTE) {
          cell += line.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        cell += line.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(cell);
      if (i === n) return cells;
      if (line.charCodeAt(i) !== separator) return undefined;
      i++;
      quote = line.indexOf('"', i);
      if (quote < 0) quote = n + 1;
      continue;
    }
    // An unquoted cell: the next quote must lie beyond it, or csv-parse decides.
    const end = line.indexOf(delimiter, i);
    if (end < 0) {
      if (quote < n) return undefined;
      cells.push(line.slice(i));
      return cells;
    }
    if (quote < end) return undefined;
    cells.push(line.slice(i, end));
    i = end + 1;
  }
}

/**
 * Whether a quoted cell is open at the end of the line, reading from a record's start (`open`
 * false) or from inside a quoted cell carried over from the line before (`open` true). A quote
 * opens a cell only at the cell's start (after blanks when cells are trimmed), as csv-parse reads.
 *
 * @example
 * quoteOpenAtEnd('1,"a', ',', false)  // true
 * quoteOpenAtEnd('b",2', ',', true)   // false
 */
export function quoteOpenAtEnd(line: string, delimiter: string, open: boolean, trim = false): boolean {
  return scanQuotes(line, delimiter, open, trim).open;
}

/** Where a record's quotes go wrong, each as a 1-based line among the record's lines and a cell number. */
export interface QuoteFindings {
  /** The quoted cell still open at the end of the record: where it opened. */
  open?: { line: number; cell: number };
  /** The first quote csv-parse refuses unless quotes are relaxed: inside an unquoted cell, or closing with text after it. */
  stray?: { line: number; cell: number };
}

/**
 * The quote scan over the lines of one record, to name the line and cell of a quote error (csv-parse
 * names neither where an unclosed quote opens nor, after a quoted CRLF, the right line).
 *
 * @example
 * recordQuotes(['1,"a', 'b",2,"c'], ',') // { open: { line: 2, cell: 3 } }
 */
export function recordQuotes(lines: readonly string[], delimiter: string, trim = false): QuoteFindings {
  let open = false;
  let cell = 0;
  let opened: QuoteFindings['open'];
  let stray: QuoteFindings['stray'];
  for (let k = 0; k < lines.length; k++) {
    const scan = scanQuotes(lines[k]!, delimiter, open, trim, open ? cell : 0);
    if (scan.openedAt !== undefined) opened = { line: k + 1, cell: scan.openedAt };
    if (!stray && scan.strayAt !== undefined) stray = { line: k + 1, cell: scan.strayAt };
    open = scan.open;
    cell = scan.cells;
  }
  return { ...(open && opened && { open: opened }), ...(stray && { stray }) };
}

interface LineScan {
  /** A quoted cell is open at the end of the line. */
  open: boolean;
  /** Cell number of the last quote that opened a cell on this line. */
  openedAt?: number;
  /** Cell number of the first stray quote on this line. */
  strayAt?: number;
  /** Cells of the record so far. */
  cells: number;
}

/** The quote scan of one line, from a record's start or from inside a quoted cell. */
function scanQuotes(
  line: string,
  delimiter: string,
  open: boolean,
  trim: boolean,
  cellsBefore = 0,
): LineScan {
  const n = line.length;
  const scan: LineScan = { open, cells: cellsBefore + (open ? 0 : 1) };
  let i = 0;
  while (i <= n) {
    if (scan.open) {
      const q = line.indexOf('"', i);
      if (q < 0) return scan;
      if (line.charCodeAt(q + 1) === QUOTE) {
        i = q + 2;
        continue;
      }
      scan.open = false;
      i = q + 1;
      if (trim) while (i < n && isBlank(line.charCodeAt(i))) i++;
      if (i < n && line[i] !== delimiter) scan.strayAt ??= scan.cells;
    } else {
      if (trim) while (i < n && isBlank(line.charCodeAt(i))) i++;
      if (line.charCodeAt(i) === QUOTE) {
        scan.open = true;
        scan.openedAt = scan.cells;
        i++;
        continue;
      }
    }
    // Unquoted text (or text after a closing quote) runs to the next delimiter.
    const d = line.indexOf(delimiter, i);
    const q = line.indexOf('"', i);
    if (q >= 0 && (d < 0 || q < d)) scan.strayAt ??= scan.cells;
    if (d < 0) break;
    i = d + 1;
    scan.cells++;
  }
  return scan;
}

/** The blanks csv-parse trims at a cell's start. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12;
}

/**
 * A cell trimmed as csv-parse's `trim` does: its blanks (space, tab, CR, LF, form feed) at the
 * start, every white space (JavaScript's, NBSP included) at the end.
 */
export function trimCell(cell: string): string {
  let i = 0;
  while (i < cell.length && isBlank(cell.charCodeAt(i))) i++;
  return (i ? cell.slice(i) : cell).trimEnd();
}
