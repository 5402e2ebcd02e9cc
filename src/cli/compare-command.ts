/**
 * `sentinela compare --input pairs.csv --output scored.csv`: scores name pairs with the screening
 * matcher. Input columns `schema,name1,name2` (others passed through unchanged); output adds
 * `score` (0–1, 4 decimals) and `match` (true/false at the threshold). Rows that cannot be scored
 * are reported with file, line and field; the summary goes to stderr.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, InvalidArgumentError } from 'commander';
import { parse } from 'csv-parse';
import { InputError } from '../core/index.js';
import { CliError } from './cli-errors.js';

interface CompareFlags {
  input: string;
  output?: string;
  threshold?: number;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('expected a number from 0 to 1');
  }
  return n;
}

export function register(program: Command): void {
  program
    .command('compare')
    .description('score name pairs (columns schema,name1,name2) with the screening matcher')
    .requiredOption(
      '-i, --input <file>',
      'CSV file with a header row: schema,name1,name2 (other columns kept)',
    )
    .option('-o, --output <file>', 'where to write the scored CSV (default: stdout)')
    .option(
      '-t, --threshold <score>',
      'match threshold from 0 to 1 (default: the matcher default)',
      parseScore,
    )
    .action(async (flags: CompareFlags) => {
      const summary = await comparePairsFile(flags);
      process.stderr.write(
        `compare: ${summary.read} rows read, ${summary.scored} scored, ${summary.rejected} rejected` +
          ` (threshold ${summary.threshold}, ${summary.matches} matches, matcher ${summary.matcher})\n`,
      );
      if (summary.rejected > 0) process.exitCode = 1;
    });
}

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

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Scores every row of `input`; rejected rows are reported on stderr and counted. */
export async function comparePairsFile(options: {
  input: string;
  output?: string;
  threshold?: number;
}): Promise<CompareSummary> {
  // The matcher is loaded only when this command runs, keeping `sentinela` startup fast.
  const { DEFAULT_THRESHOLD, MATCHER_VERSION, compareNames, prepareName } = await import(
    '../screening/matching/index.js'
  );
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const file = options.input;
  const source = createReadStream(file);
  const openError = new Promise<never>((_, reject) =>
    source.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 2)),
    ),
  );
  const parser = source.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
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
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const fields = record.record;
      const line = record.info.lines;
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
        await write(out, `${[...header, 'score', 'match'].map(csvField).join(',')}\n`);
        continue;
      }
      summary.read++;
      const problem = rowProblem(fields, header.length, index!);
      if (problem) {
        summary.rejected++;
        process.stderr.write(
          `sentinela: rejected ${new InputError(problem.reason, { file, line, field: problem.field }).message}\n`,
        );
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
      await write(out, `${[...fields, result.score.toFixed(4), String(match)].map(csvField).join(',')}\n`);
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
