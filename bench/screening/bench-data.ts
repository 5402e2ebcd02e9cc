/** Where the screening benchmarks find `../shared/data`, and how they say so when it is absent. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedDataPath } from '../shared-data-path.js';

/** Absolute path under `../shared/data`, or undefined (after saying so on stderr) when missing. */
export function benchFile(...parts: string[]): string | undefined {
  const path = sharedDataPath(...parts);
  if (existsSync(path)) return path;
  process.stderr.write(
    `bench: ${path} not found — skipping (place the shared data at ../shared beside the clone)\n`,
  );
  return undefined;
}

/** Reads a CSV with a header row into records; `#` lines are comments. */
export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    comment: '#',
    relax_column_count: true,
    trim: false,
  }) as Record<string, string>[];
}
