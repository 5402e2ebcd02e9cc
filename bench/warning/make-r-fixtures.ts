/**
 * Regenerates `test/fixtures/warning/r-reference-small.json`: three small hand-made weekly series
 * (sparse emerging substance, seasonal with a spike, rising trend) and R surveillance's upper
 * bounds and alarms for them, so tests can check agreement with R without R installed.
 * Run: npx tsx bench/warning/make-r-fixtures.ts   (needs Rscript with r-cran-surveillance)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const length = 330;
const first = 300;
let state = 20240601;
function uniform(): number {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}
function poisson(mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = uniform();
  while (p > limit) {
    k++;
    p *= uniform();
  }
  return k;
}
const series: Record<string, number[]> = {
  // Zero for years, then a new substance appears and takes off in the evaluated weeks.
  emerging: Array.from({ length }, (_, t) => (t < 280 ? (t % 97 === 0 ? 1 : 0) : poisson(0.3 * (t - 279)))),
  seasonal: Array.from(
    { length },
    (_, t) => poisson(8 * Math.exp(0.5 * Math.sin((2 * Math.PI * t) / 52))) + (t === 310 ? 25 : 0),
  ),
  rising: Array.from({ length }, (_, t) => poisson(Math.exp(1 + 0.006 * t))),
};
const dir = mkdtempSync(join(tmpdir(), 'sentinela-r-'));
const input = join(dir, 'series.csv');
writeFileSync(
  input,
  'series,week,y\n' +
    Object.entries(series)
      .flatMap(([id, ys]) => ys.map((y, i) => `${id},${i + 1},${y}`))
      .join('\n'),
);
const results = join(dir, 'results.csv');
const run = spawnSync(
  'Rscript',
  [join(import.meta.dirname, 'r-detectors.R'), input, String(first), results, join(dir, 't.csv')],
  {
    stdio: 'inherit',
  },
);
if (run.status !== 0) throw new Error('Rscript failed');
const rows = parse(readFileSync(results), { columns: true }) as Record<string, string>[];
const reference = rows.map((r) => ({
  series: r.series,
  method: r.method,
  week: Number(r.week),
  upperbound: r.upperbound === 'NA' ? null : Number(r.upperbound),
  alarm: r.alarm === 'NA' ? null : r.alarm === '1',
}));
const out = join(import.meta.dirname, '../../test/fixtures/warning/r-reference-small.json');
writeFileSync(
  out,
  `${JSON.stringify({ generatedBy: 'bench/warning/make-r-fixtures.ts (R surveillance 1.20.3)', firstWeek: first, series, reference }, null, 0)}\n`,
);
console.log(`wrote ${out}: ${reference.length} R results`);
