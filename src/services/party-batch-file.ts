/**
 * Reads a batch of parties to screen from CSV or JSON lines, validating each row: good rows become
 * PartyQuery values, bad rows become rejects naming line, field and reason. A file that cannot be
 * read at all, or lacks a required column, is an InputError for the whole file.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError, type PartyQuery, PartyQuerySchema } from '../core/index.js';

export interface BatchReject {
  line: number;
  id?: string;
  field: string;
  reason: string;
}

/** One input row in file order: either a query to screen or a reject. */
export type BatchRow = { line: number; query: PartyQuery } | { line: number; reject: BatchReject };

export const requiredColumns = ['id', 'name'] as const;
export const optionalColumns = [
  'schema',
  'birth_date',
  'country',
  'nationality',
  'gender',
  'id_number',
] as const;

/** Column name in the file → field of PartyQuery. */
const fieldOf: Record<string, keyof PartyQuery> = {
  id: 'id',
  name: 'name',
  schema: 'schema',
  birth_date: 'birthDate',
  country: 'country',
  nationality: 'nationality',
  gender: 'gender',
  id_number: 'idNumber',
};
const columnOf = Object.fromEntries(Object.entries(fieldOf).map(([c, f]) => [f, c])) as Record<
  string,
  string
>;

export type BatchFormat = 'csv' | 'jsonl';

/** By extension, else by the first non-blank character (`{` means JSON lines). */
export function detectBatchFormat(path: string, text: string): BatchFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/**
 * Gender only ever lowers a score when it disagrees, so a value that is neither male nor female
 * ("other", "X", "unknown") is read as not given rather than rejecting the whole row.
 */
function normaliseGender(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'm' || v === 'male') return 'male';
  if (v === 'f' || v === 'female') return 'female';
  return undefined;
}

/** Validates one row's raw values (column name → text) into a query or a reject. */
export function validateRow(raw: Record<string, unknown>, line: number): BatchRow {
  const candidate: Record<string, string> = {};
  for (const [column, field] of Object.entries(fieldOf)) {
    const value = raw[column];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { line, reject: { line, field: column, reason: `expected text, got ${typeof value}` } };
    }
    const text = String(value).trim();
    if (text === '') continue;
    const normalised = field === 'gender' ? normaliseGender(text) : text;
    if (normalised !== undefined) candidate[field] = normalised;
  }
  const parsed = PartyQuerySchema.safeParse(candidate);
  if (parsed.success) return { line, query: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = columnOf[String(issue.path[0] ?? '')] ?? String(issue.path[0] ?? 'row');
  const reason =
    issue.code === 'invalid_type' && candidate[String(issue.path[0])] === undefined
      ? 'required value is empty'
      : field === 'birth_date'
        ? `"${candidate.birthDate}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`
        : issue.message;
  return { line, reject: { line, ...(candidate.id ? { id: candidate.id } : {}), field, reason } };
}

function readCsv(text: string, file: string): BatchRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new InputError(`not a readable CSV file: ${e.message ?? String(error)}`, { file, line: e.lines });
  }
  const header = records[0];
  if (!header)
    throw new InputError('the file is empty: expected a header row with columns id,name', { file, line: 1 });
  const columns = header.record.map((c) => c.trim().toLowerCase());
  for (const required of requiredColumns) {
    if (!columns.includes(required)) {
      throw new InputError(`missing required column (the header has: ${columns.join(', ')})`, {
        file,
        line: header.info.lines,
        field: required,
      });
    }
  }
  return records.slice(1).map(({ record, info }) => {
    if (record.length !== columns.length) {
      return {
        line: info.lines,
        reject: {
          line: info.lines,
          field: 'row',
          reason: `has ${record.length} fields, the header has ${columns.length}`,
        },
      };
    }
    const raw: Record<string, string> = {};
    columns.forEach((c, i) => {
      raw[c] = record[i] ?? '';
    });
    return validateRow(raw, info.lines);
  });
}

function readJsonLines(text: string, file: string): BatchRow[] {
  const rows: BatchRow[] = [];
  const lines = text.split(/\r?\n/);
  let sawColumns = false;
  lines.forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      rows.push({
        line,
        reject: { line, field: 'row', reason: `not valid JSON: ${(error as Error).message}` },
      });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      rows.push({ line, reject: { line, field: 'row', reason: 'expected a JSON object per line' } });
      return;
    }
    if ('id' in value || 'name' in value) sawColumns = true;
    rows.push(validateRow(value as Record<string, unknown>, line));
  });
  if (rows.length === 0)
    throw new InputError('the file is empty: expected one JSON object per line', { file, line: 1 });
  if (!sawColumns)
    throw new InputError('no row has the required fields id and name', { file, line: 1, field: 'name' });
  return rows;
}

/**
 * Reads and validates the whole file.
 * @example
 * const rows = readBatchFile('customers.csv'); // [{ line: 2, query: { id: 'c1', name: 'Juan Perez' } }, …]
 */
export function readBatchFile(file: string, format?: BatchFormat): BatchRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the input file: ${(error as Error).message}`, { file });
  }
  const chosen = format ?? detectBatchFormat(file, text);
  return chosen === 'csv' ? readCsv(text, file) : readJsonLines(text, file);
}
