/**
 * CSV text to header-indexed rows with their line numbers, shared by the declaration readers so
 * every per-row error can point at the right line.
 */
import { InputError } from '../../core/index.js';
import { type CsvRow, readCsvRows } from '../../input/index.js';

export type { CsvRow };

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Column index by trimmed header name. */
  column(name: string): number | undefined;
  /** The canonical copy of a cell value (see `internedText`). */
  intern(value: string): string;
}

/**
 * Repeated ids (importer, HS code) become one internalized string each: parsed cells are
 * fresh strings, and hash lookups of the same id against the model's history run several
 * times faster on internalized strings, which compare by identity.
 */
function stringPool(): (value: string) => string {
  const pool = new Map<string, string>();
  return (value) => {
    let canonical = pool.get(value);
    if (canonical === undefined) {
      canonical = Object.keys({ [value]: 0 })[0]!;
      pool.set(canonical, canonical);
    }
    return canonical;
  };
}

/** Parses CSV text; a malformed file (unclosed quote) throws an InputError with its line. */
export function parseCsvTable(text: string, file: string): CsvTable {
  const [first, ...rows] = readCsvRows(text, file);
  if (!first) throw new InputError('the file is empty: expected a header row', { file, line: 1 });
  const header = first.cells.map((h) => h.trim());
  const index = new Map(header.map((h, i) => [h, i]));
  return {
    header,
    rows,
    column: (name) => index.get(name),
    intern: stringPool(),
  };
}

/** Throws an InputError at the header (line 1) naming every required column the table lacks. */
export function requireColumns(table: CsvTable, required: readonly string[], file: string): void {
  const missing = required.filter((c) => table.column(c) === undefined);
  if (missing.length > 0)
    throw new InputError(`missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}`, {
      file,
      line: 1,
      field: missing[0],
    });
}

/** Stops a row's validation at its first bad field; the reader turns it into a rejection. */
export class RowRejection extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Reads one named cell of a row with typed checks, throwing RowRejection on the first problem. */
export class RowCells {
  constructor(
    private readonly table: CsvTable,
    private readonly row: CsvRow,
  ) {}

  text(name: string, required = false): string {
    const i = this.table.column(name);
    const value = i === undefined ? '' : (this.row.cells[i] ?? '').trim();
    if (required && value === '') throw new RowRejection(name, 'is empty; a value is required');
    return value === '' ? '' : this.table.intern(value);
  }

  number(name: string, { required = true, min }: { required?: boolean; min?: number } = {}): number {
    const raw = this.text(name, required);
    if (raw === '') return Number.NaN;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new RowRejection(name, `"${raw}" is not a number`);
    if (min !== undefined && value < min) throw new RowRejection(name, `${raw} is below ${min}`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const raw = this.text(name, true);
    if (!(allowed as readonly string[]).includes(raw))
      throw new RowRejection(name, `"${raw}" is not one of ${allowed.join(', ')}`);
    return raw as T;
  }
}
