/**
 * Decoded text of a user's file → records (column → value) with the line each starts on, for every
 * format customers send: CSV with commas, semicolons (European Excel) or tabs (`.tsv`), JSON lines
 * and JSON arrays. A row that cannot be read is a reject naming its line and field, never dropped
 * and never merged into its neighbour; a duplicate id is rejected (or flagged) naming the line
 * where the id was first seen. Problems with the whole file (no header, a required column
 * missing, broken JSON) are an InputError naming file, line and field.
 */
import { extname } from 'node:path';
import { readCsvRows } from './csv-reader.js';
import { InputError, type RowReject } from '../core/input-error.js';

export type RecordFormat = 'csv' | 'jsonl' | 'json';

/** One row in file order: its values (column names lower-cased and trimmed), or why it was rejected. */
export type InputRecord =
  | { line: number; values: Record<string, unknown> }
  | { line: number; reject: RowReject };

export interface InputRecords {
  format: RecordFormat;
  /** The CSV delimiter used, for the summary. */
  delimiter?: string;
  /** Header columns (CSV), or the keys seen (JSON). */
  columns: string[];
  records: InputRecord[];
  warnings: string[];
}

export interface RecordOptions {
  /** Skip detection (from the extension, then the content). */
  format?: RecordFormat | 'tsv';
  /** Columns every file must have; their absence is an error for the whole file. */
  required?: readonly string[];
  /** Column holding each row's id; a repeated id is rejected (default) or only flagged. */
  idColumn?: string;
  duplicateIds?: 'reject' | 'flag';
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * @example
 * readRecords(decodeInput(bytes, 'customers.tsv').text, 'customers.tsv', { required: ['id', 'name'], idColumn: 'id' })
 */
export function readRecords(text: string, file: string, options: RecordOptions = {}): InputRecords {
  const chosen = options.format ?? detectRecordFormat(file, text);
  const result =
    chosen === 'jsonl'
      ? readJsonLines(text, file)
      : chosen === 'json'
        ? readJsonArray(text, file)
        : readDelimited(text, file, chosen === 'tsv' ? '\t' : delimiterOf(file, text));
  for (const column of options.required ?? []) {
    if (!result.columns.includes(column)) {
      throw new InputError(
        `missing required column (${result.format === 'csv' ? 'the header has' : 'the rows have'}: ${result.columns.join(', ') || 'none'})`,
        { file, line: 1, field: column },
      );
    }
  }
  if (options.idColumn) flagDuplicateIds(result, file, options.idColumn, options.duplicateIds ?? 'reject');
  return result;
}

/** By extension, else by the first non-blank character. */
export function detectRecordFormat(file: string, text: string): RecordFormat | 'tsv' {
  const ext = extname(file).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  const first = text.trimStart()[0];
  if (ext === '.json') return first === '[' ? 'json' : 'jsonl';
  if (ext === '.csv') return 'csv';
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  return 'csv';
}

/** The delimiter of the header line: the most frequent of , ; tab | outside quotes (comma on a tie). */
function delimiterOf(file: string, text: string): string {
  const header = firstLine(text);
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  if (extname(file).toLowerCase() === '.csv' && best === '\t' && counts.get(',')! === 0) return '\t';
  return best;
}

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

function readDelimited(text: string, file: string, delimiter: string): InputRecords {
  // A stray quote inside an unquoted field ("Joe "El Chapo" X") is data, not a syntax error.
  const parsed = readCsvRows(text, file, { delimiter, relaxQuotes: true });
  const format = 'csv' as const;
  const header = parsed[0];
  if (!header) throw new InputError('the file is empty: expected a header row', { file, line: 1 });
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c === '') return;
    if (seen.has(c))
      throw new InputError(`column appears twice in the header (columns ${seen.get(c)! + 1} and ${i + 1})`, {
        file,
        line: header.line,
        field: c,
      });
    seen.set(c, i);
  });
  const records: InputRecord[] = parsed.slice(1).map(({ cells: record, line }) => {
    if (record.length !== columns.length) {
      return {
        line,
        reject: {
          line,
          field: 'row',
          reason: `has ${record.length} fields, the header has ${columns.length}`,
        },
      };
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c !== '') values[c] = record[i] ?? '';
    });
    return { line, values };
  });
  return { format, delimiter, columns: columns.filter((c) => c !== ''), records, warnings: [] };
}

function readJsonLines(text: string, file: string): InputRecords {
  const records: InputRecord[] = [];
  const keys = new Set<string>();
  text.split('\n').forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      records.push({
        line,
        reject: { line, field: 'row', reason: `not valid JSON: ${(error as Error).message}` },
      });
      return;
    }
    records.push(objectRecord(value, line, keys));
  });
  if (records.length === 0)
    throw new InputError('the file is empty: expected one JSON object per line', { file, line: 1 });
  return { format: 'jsonl', columns: [...keys], records, warnings: [] };
}

function readJsonArray(text: string, file: string): InputRecords {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    throw new InputError(`not valid JSON: ${message}`, {
      file,
      ...(at && { line: text.slice(0, Number(at[1])).split('\n').length }),
    });
  }
  if (!Array.isArray(value))
    throw new InputError('expected a JSON array of objects (or one JSON object per line)', { file, line: 1 });
  const starts = arrayElementLines(text);
  const keys = new Set<string>();
  const records = value.map((element, i) => objectRecord(element, starts[i] ?? 1, keys));
  return { format: 'json', columns: [...keys], records, warnings: [] };
}

function objectRecord(value: unknown, line: number, keys: Set<string>): InputRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { line, reject: { line, field: 'row', reason: 'expected a JSON object' } };
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = k.trim().toLowerCase();
    keys.add(key);
    values[key] = v;
  }
  return { line, values };
}

/** The line each top-level element of a JSON array starts on (the text is valid JSON). */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (expecting && depth === 1) {
      lines.push(line);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return lines;
}

function flagDuplicateIds(
  result: InputRecords,
  file: string,
  idColumn: string,
  mode: 'reject' | 'flag',
): void {
  const firstLine = new Map<string, number>();
  let flagged = 0;
  result.records = result.records.map((record) => {
    if (!('values' in record)) return record;
    const raw = record.values[idColumn];
    if (typeof raw !== 'string' && typeof raw !== 'number') return record;
    const id = String(raw).trim();
    if (id === '') return record;
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, record.line);
      return record;
    }
    flagged++;
    if (mode === 'flag') return record;
    return {
      line: record.line,
      reject: {
        line: record.line,
        id,
        field: idColumn,
        reason: `duplicate id "${id}" (first on line ${first})`,
      },
    };
  });
  if (flagged > 0 && mode === 'flag')
    result.warnings.push(`${file}: ${flagged} rows repeat an id already used on an earlier row`);
}
