/**
 * Reads a batch of parties to screen from CSV or JSON lines, validating each row: good rows become
 * PartyQuery values, bad rows become rejects naming line, field and reason. A file that cannot be
 * read at all, or lacks a required column, is an InputError for the whole file.
 */
import { type PartyQuery, PartyQuerySchema, type RowReject } from '../core/index.js';
import { checkPartyQuery } from '../core/party-query-check.js';
import { type InputRecord, readInputFile } from '../input/index.js';

/** One input row in file order: either a query to screen or a reject. */
export type BatchRow = { line: number; query: PartyQuery } | { line: number; reject: RowReject };

export const requiredColumns = ['id', 'name'] as const;

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
/** The columns and their fields, listed once (validateRow runs per row). */
const fieldEntries = Object.entries(fieldOf);
const columnOf = Object.fromEntries(fieldEntries.map(([c, f]) => [f, c])) as Record<string, string>;

export type BatchFormat = 'csv' | 'jsonl' | 'json';

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
  for (const [column, field] of fieldEntries) {
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
  // The schema's rules without zod's per-row cost; zod is asked only for a refusal's reason.
  const checked = checkPartyQuery(candidate);
  if (checked) return { line, query: checked };
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

/**
 * Reads and validates the whole file.
 * @example
 * const rows = readBatchFile('customers.csv'); // [{ line: 2, query: { id: 'c1', name: 'Juan Perez' } }, …]
 */
export function readBatchFile(file: string, format?: BatchFormat): BatchRow[] {
  return readBatchInput(file, format).rows;
}

/** The rows and what the decoder noticed (an encoding fallback, mixed line ends, repeated ids). */
export interface BatchInput {
  rows: BatchRow[];
  warnings: string[];
}

/**
 * Reads the whole file through the one input decoder (src/input): any encoding a customer's file
 * comes in, mixed line ends, CSV/TSV/semicolons, JSON lines or a JSON array; a repeated id is a
 * rejected row naming the line where the id was first used.
 *
 * @example
 * const { rows, warnings } = readBatchInput('customers.tsv');
 */
export function readBatchInput(file: string, format?: BatchFormat): BatchInput {
  const input = readBatchRecords(file, format);
  return { rows: input.records.map(batchRowOf), warnings: input.warnings };
}

/**
 * The file's records decoded but not yet validated (see `batchRowOf`): `screen --input` validates
 * the first chunks, hands them to the workers, and validates the rest while they screen.
 */
export function readBatchRecords(
  file: string,
  format?: BatchFormat,
): { records: InputRecord[]; warnings: string[] } {
  const input = readInputFile(file, {
    ...(format && { format: format === 'csv' ? detectCsvFlavour(file) : format }),
    required: requiredColumns,
    idColumn: 'id',
  });
  return { records: input.records, warnings: input.warnings };
}

/** One decoded record as a batch row: the decoder's reject, or the row validated. */
export function batchRowOf(record: InputRecord): BatchRow {
  if ('reject' in record) return { line: record.line, reject: record.reject };
  return validateRow(record.values, record.line);
}

function detectCsvFlavour(file: string): 'csv' | 'tsv' {
  return /\.(tsv|tab)$/i.test(file) ? 'tsv' : 'csv';
}
