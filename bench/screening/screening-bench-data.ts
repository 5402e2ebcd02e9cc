/**
 * What the screening benchmarks share: loading the real lists from `../shared/data/sanctions`,
 * reading the yente evaluation files as party queries, percentiles, and the figures table.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { PartyQuery } from '../../src/core/index.js';
import { readList } from '../../src/lists/index.js';
import { createScreener, type Screener, type ScreeningList } from '../../src/screening/index.js';
import { sharedDataPath } from '../shared-data-path.js';

/** A file under the shared `sanctions/` data folder. */
export function sanctionsPath(...parts: string[]): string {
  return sharedDataPath('sanctions', ...parts);
}

/** One benchmark figure beside its target. */
export interface Figure {
  name: string;
  value: number | undefined;
  unit: string;
  /** e.g. `>= 0.99`; empty when the figure is informative only. */
  target: string;
  ok?: boolean;
  note?: string;
}

export interface BenchOptions {
  quick: boolean;
}

export function parseBenchArgs(argv: string[] = process.argv.slice(2)): BenchOptions {
  return { quick: argv.includes('--quick') };
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url: string): boolean {
  const script = process.argv[1];
  return script !== undefined && url === pathToFileURL(resolve(script)).href;
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export interface LoadedLists {
  sdn?: ScreeningList;
  un?: ScreeningList;
  nonSdn?: ScreeningList;
  /** Why a list could not be loaded (e.g. its reader is not written yet). */
  missing: string[];
  loadMs: number;
}

async function tryRead(name: string, paths: string[], missing: string[]): Promise<ScreeningList | undefined> {
  try {
    const parsed = await readList(paths.map((p) => sanctionsPath(p)));
    return { list: parsed.list, version: 'bench', entities: parsed.entities };
  } catch (error) {
    missing.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

let loaded: Promise<LoadedLists> | undefined;
let sharedScreener: Screener | undefined;

/** SDN (2024 primary + 2025 alias/address/comments), UN consolidated, OFAC non-SDN; read once per process. */
export function loadSanctionsLists(): Promise<LoadedLists> {
  loaded ??= readSanctionsLists();
  return loaded;
}

/** One screener over all loaded lists, built once per process and shared by the benchmarks. */
export async function screenerOverAllLists(): Promise<Screener> {
  sharedScreener ??= createScreener(presentLists(await loadSanctionsLists()));
  return sharedScreener;
}

async function readSanctionsLists(): Promise<LoadedLists> {
  const started = performance.now();
  const missing: string[] = [];
  const sdn = await tryRead('SDN', ['ofac_sdn_2024-05-03', 'ofac_2025-12_alt_add_comments'], missing);
  const un = await tryRead('UN', ['un_consolidated_2026-02-27/UN_consolidated.xml'], missing);
  const nonSdn = await tryRead('non-SDN', ['ofac_non_sdn_2025-12'], missing);
  for (const m of missing) log(`bench: list not loaded: ${m}`);
  return {
    ...(sdn ? { sdn } : {}),
    ...(un ? { un } : {}),
    ...(nonSdn ? { nonSdn } : {}),
    missing,
    loadMs: performance.now() - started,
  };
}

export function presentLists(lists: LoadedLists): ScreeningList[] {
  return [lists.sdn, lists.un, lists.nonSdn].filter((l): l is ScreeningList => l !== undefined);
}

export interface YenteRow {
  full_name: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  gender: string;
  date_of_birth: string;
  place_of_birth: string;
  nationality: string;
}

export function readYenteCsv(file: string): YenteRow[] {
  return parse(readFileSync(sanctionsPath('eval', 'yente', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as YenteRow[];
}

/** A yente row as the party a bank would screen: the name plus the qualifiers it holds. */
export function yenteQuery(row: YenteRow, id: string): PartyQuery {
  const query: PartyQuery = { id, name: row.full_name, schema: 'Person' };
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(row.date_of_birth)) query.birthDate = row.date_of_birth;
  if (row.nationality) query.nationality = row.nationality;
  if (row.gender === 'male' || row.gender === 'female') query.gender = row.gender;
  return query;
}

/** A deterministic sample (every k-th row) so quick runs stay comparable between runs. */
export function sample<T>(rows: T[], n: number): T[] {
  if (rows.length <= n) return rows;
  const step = rows.length / n;
  return Array.from({ length: n }, (_, i) => rows[Math.floor(i * step)]!);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : value === Math.round(value) ? 0 : 3;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** The figures as an aligned text table. */
export function formatFigures(title: string, figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    formatValue(f.value, f.unit),
    f.target,
    f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED',
    f.note ?? '',
  ]);
  const header = ['figure', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return (
    [`\n## ${title}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** `value >= target` or `value <= target` as an ok flag. */
export function check(value: number | undefined, op: '>=' | '<=', target: number): boolean | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  return op === '>=' ? value >= target : value <= target;
}
