/**
 * Score name pairs with the screening matcher: a CSV of `schema,name1,name2` (other columns passed
 * through unchanged) gains `score` (0–1, 4 decimals) and `match` (true/false at the threshold).
 * Rows that cannot be scored are handed back naming file, line and field, and counted.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { InputError } from '../core/index.js';
import { csvLine, streamCsvRows } from '../input/index.js';
import { ServiceError } from './service-error.js';

export interface CompareSummary {
  read: number;
  scored: number;
  rejected: number;
  matches: number;
  threshold: number;
  matcher: string;
}

const REQUIRED = ['schema', 'name1', 'name2'] as const;
const SCHEMAS = new Set([
  '',
  'person',
  'organization',
  'organisation',
  'company',
  'legalentity',
  'vessel',
  'aircraft',
  'unknown',
  'thing',
]);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export interface ComparePairsOptions {
  /** CSV with a header row naming schema, name1 and name2 (other columns are passed through). */
  input: string;
  /** Where the scored CSV goes; without it, to `out`. */
  output?: string;
  out?: Writable;
  /** Match threshold from 0 to 1 (default: the matcher's). */
  threshold?: number;
  /** Each rejected row, as an InputError naming file, line and field (the row is counted, not written). */
  onReject?: (reject: InputError) => void;
}

/**
 * Scores every row of `input`, streaming; rejected rows are handed to `onReject` and counted.
 *
 * @example
 * const summary = await comparePairsFile({ input: 'pairs.csv', output: 'scored.csv' });
 */
export async function comparePairsFile(options: ComparePairsOptions): Promise<CompareSummary> {
  // The matcher is loaded only when this command runs, keeping `sentinela` startup fast.
  const { DEFAULT_THRESHOLD, MATCHER_VERSION, compareNames, prepareName } = await import(
    '../screening/matching/index.js'
  );
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const file = options.input;
  const source = createReadStream(file);
  const openError = new Promise<never>((_, reject) =>
    source.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new ServiceError(
          'invalid',
          `cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
          { field: 'input' },
        ),
      ),
    ),
  );
  const out: Writable = options.output ? createWriteStream(options.output) : (options.out ?? process.stdout);
  const summary: CompareSummary = {
    read: 0,
    scored: 0,
    rejected: 0,
    matches: 0,
    threshold,
    matcher: MATCHER_VERSION,
  };
  let header: string[] | undefined;
  let index: Record<(typeof REQUIRED)[number], number> | undefined;

  const rows = (async () => {
    for await (const { line, cells: fields } of streamCsvRows(source, file)) {
      if (!header) {
        header = fields.map((h) => h.trim());
        const lower = header.map((h) => h.toLowerCase());
        const missing = REQUIRED.filter((c) => !lower.includes(c));
        if (missing.length > 0) {
          throw new InputError(
            `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name schema, name1, name2; found: ${header.join(', ') || 'nothing'})`,
            { file, line, field: missing[0] },
          );
        }
        index = {
          schema: lower.indexOf('schema'),
          name1: lower.indexOf('name1'),
          name2: lower.indexOf('name2'),
        };
        await write(out, `${csvLine([...header, 'score', 'match'])}\n`);
        continue;
      }
      summary.read++;
      const problem = rowProblem(fields, header.length, index!);
      if (problem) {
        summary.rejected++;
        options.onReject?.(new InputError(problem.reason, { file, line, field: problem.field }));
        continue;
      }
      const schema = fields[index!.schema]!.trim();
      const result = compareNames(
        prepareName(fields[index!.name1]!, schema),
        prepareName(fields[index!.name2]!, schema),
      );
      const match = result.score >= threshold;
      summary.scored++;
      if (match) summary.matches++;
      await write(out, `${csvLine([...fields, result.score.toFixed(4), String(match)])}\n`);
    }
    if (!header)
      throw new InputError('the file is empty: expected a header row schema,name1,name2', { file, line: 1 });
  })();
  try {
    await Promise.race([rows, openError]);
  } finally {
    if (options.output) {
      out.end();
      await once(out, 'finish').catch(() => undefined);
    }
  }
  return summary;
}

function rowProblem(
  fields: string[],
  width: number,
  index: Record<(typeof REQUIRED)[number], number>,
): { reason: string; field: string } | undefined {
  if (fields.length !== width) {
    return {
      reason: `expected ${width} columns, found ${fields.length}`,
      field: fields.length < width ? 'name2' : 'schema',
    };
  }
  const schema = fields[index.schema]!.trim();
  if (!SCHEMAS.has(schema.toLowerCase())) {
    return {
      reason: `unknown schema "${schema}" (use Person, Organization, Company, LegalEntity, Vessel, Aircraft or leave empty)`,
      field: 'schema',
    };
  }
  for (const field of ['name1', 'name2'] as const) {
    const value = fields[index[field]]!;
    if (value.trim() === '') return { reason: 'empty name', field };
    if (!/[\p{L}\p{N}]/u.test(value)) return { reason: `"${value}" has no letters or digits`, field };
  }
  return undefined;
}
