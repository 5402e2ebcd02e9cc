/**
 * Cross-script name matching on Watchman's test pairs (a name in Arabic, Cyrillic, Chinese,
 * Hangul, Japanese, Greek, Hebrew or Thai script vs its Latin spelling): share of pairs scored at
 * or above DEFAULT_THRESHOLD, overall and per script.
 * Run: `npm run build && node dist/bench/screening/cross-script.js`
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEFAULT_THRESHOLD, compareNames, prepareName } from '../../src/screening/matching/index.js';
import { benchFile } from './bench-data.js';

function scriptOf(text: string): string {
  if (/\p{Script=Arabic}/u.test(text)) return 'Arabic';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrillic';
  if (/\p{Script=Hangul}/u.test(text)) return 'Hangul';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'Japanese';
  if (/\p{Script=Han}/u.test(text)) return 'Han';
  if (/\p{Script=Greek}/u.test(text)) return 'Greek';
  if (/\p{Script=Hebrew}/u.test(text)) return 'Hebrew';
  if (/\p{Script=Thai}/u.test(text)) return 'Thai';
  return 'other';
}

/** Scores every pair and prints the shares; exported for `bench/screening/run.ts`. */
export async function runCrossScriptBench(options: { verbose?: boolean } = {}): Promise<void> {
  const path = benchFile('sanctions/eval/watchman/cross_script_pairs.csv');
  if (!path) return;
  const rows = parse(readFileSync(path, 'utf8'), {
    comment: '#',
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const byScript = new Map<string, { n: number; above: number }>();
  let above = 0;
  for (const [query = '', expected = ''] of rows) {
    const score = compareNames(prepareName(query, 'Person'), prepareName(expected, 'Person')).score;
    const script = scriptOf(query);
    const entry = byScript.get(script) ?? { n: 0, above: 0 };
    entry.n++;
    if (score >= DEFAULT_THRESHOLD) {
      entry.above++;
      above++;
    }
    byScript.set(script, entry);
    if (options.verbose) console.log(`  ${score.toFixed(3)} ${query} → ${expected}`);
  }
  console.log(
    `Cross-script pairs: ${above}/${rows.length} (${((100 * above) / rows.length).toFixed(1)} %) scored ≥ ${DEFAULT_THRESHOLD}`,
  );
  for (const [script, e] of byScript) console.log(`  ${script.padEnd(9)} ${e.above}/${e.n}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCrossScriptBench({ verbose: process.argv.includes('--verbose') });
}
