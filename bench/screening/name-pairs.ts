/**
 * Name-matching quality on the nomenklatura labelled name pairs: precision, recall and F1 at
 * DEFAULT_THRESHOLD overall, per schema and per category, beside OpenSanctions logic-v2's frozen
 * scores on the same pairs (at its 0.70 threshold), plus each one's best F1 over all thresholds.
 * Run: `npm run build && node dist/bench/screening/name-pairs.js` (add `--errors` to list misses,
 * `--split A` or `--split B` to score one half, `--no-rarity` to score without the token-rarity
 * table). Both names are weighed with the rarity table of SDN + UN + non-SDN, as screening
 * against those lists weighs a query and an alias.
 *
 * The halves split the pairs by a hash of `case_group`, so related pairs (variants of one name)
 * never sit on both sides: errors are studied on half A only and half B tells whether a change
 * carries over to names it was not shaped on — as it must for the withheld acceptance half.
 */
import { crc32 } from 'node:zlib';
import {
  DEFAULT_THRESHOLD,
  clearTokenSimilarityMemo,
  compareNames,
  NO_RARITY,
  prepareName,
  scoreNames,
  weighByRarity,
} from '../../src/screening/matching/index.js';
import { benchFile, readCsv } from './bench-data.js';
import { screenerOverAllLists } from './screening-bench-data.js';

const LOGIC_V2_THRESHOLD = 0.7;

interface Scored {
  group: string;
  schema: string;
  category: string;
  name1: string;
  name2: string;
  truth: boolean;
  ours: number;
  logicV2: number | undefined;
}

interface Prf {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(rows: Scored[], score: (r: Scored) => number | undefined, threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n = 0;
  for (const r of rows) {
    const s = score(r);
    if (s === undefined) continue;
    n++;
    const predicted = s >= threshold;
    if (predicted && r.truth) tp++;
    else if (predicted) fp++;
    else if (r.truth) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { n, tp, fp, fn, precision, recall, f1 };
}

function bestF1(rows: Scored[], score: (r: Scored) => number | undefined): { f1: number; threshold: number } {
  let best = { f1: 0, threshold: 0 };
  for (let t = 0.5; t <= 0.99; t += 0.01) {
    const f1 = prf(rows, score, t).f1;
    if (f1 > best.f1) best = { f1, threshold: Math.round(t * 100) / 100 };
  }
  return best;
}

const f = (x: number) => x.toFixed(3);

function line(label: string, rows: Scored[]): string {
  const ours = prf(rows, (r) => r.ours, DEFAULT_THRESHOLD);
  const v2 = prf(rows, (r) => r.logicV2, LOGIC_V2_THRESHOLD);
  return `${label.padEnd(32)} ${String(ours.n).padStart(4)}  ${f(ours.precision)} ${f(ours.recall)} ${f(ours.f1)}   ${f(v2.precision)} ${f(v2.recall)} ${f(v2.f1)} (n=${v2.n})`;
}

/**
 * CPU time per prepareName and per scoreNames (labelled pairs and shuffled, mostly non-matching,
 * pairs). "cold" forgets the token-pair memo before every round, as if every pair were new;
 * "warm" keeps it, as screening does when the same tokens recur across candidates and queries.
 */
function printPairSpeed(rows: Scored[]): void {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) * 1000; // ns
  };
  let t = cpu();
  const rounds = 20;
  let prepared: [ReturnType<typeof prepareName>, ReturnType<typeof prepareName>][] = [];
  for (let k = 0; k < rounds; k++)
    prepared = rows.map((r) => [prepareName(r.name1, r.schema), prepareName(r.name2, r.schema)]);
  const prepareNs = (cpu() - t) / (rounds * rows.length * 2);
  const shuffled = prepared.map((p, i) => [p[0], prepared[(i * 7 + 13) % prepared.length]![1]] as const);
  let sink = 0;
  const time = (
    pairs: readonly (readonly [ReturnType<typeof prepareName>, ReturnType<typeof prepareName>])[],
    cold: boolean,
  ) => {
    t = cpu();
    for (let k = 0; k < 200; k++) {
      if (cold) clearTokenSimilarityMemo();
      for (const [a, b] of pairs) sink += scoreNames(a, b);
    }
    return (cpu() - t) / (200 * pairs.length) / 1000;
  };
  const us = (x: number) => x.toFixed(1);
  // One untimed pass so the JIT has compiled the scorer before the first timed (cold) round.
  for (const [a, b] of [...prepared, ...shuffled]) sink += scoreNames(a, b);
  const labelledCold = time(prepared, true);
  const shuffledCold = time(shuffled, true);
  const labelledWarm = time(prepared, false);
  const shuffledWarm = time(shuffled, false);
  console.log(
    `speed (CPU time, one thread): prepareName ${us(prepareNs / 1000)} µs/name; scoreNames µs/pair cold ${us(labelledCold)} labelled, ${us(shuffledCold)} shuffled; warm ${us(labelledWarm)} labelled, ${us(shuffledWarm)} shuffled${sink < 0 ? '' : ''}`,
  );
}

/** Which half a case group belongs to: a fixed hash, so the halves never change between runs. */
export function splitOf(caseGroup: string): 'A' | 'B' {
  return crc32(caseGroup) % 2 === 0 ? 'A' : 'B';
}

export interface NamePairsOptions {
  /** List every misclassified pair. */
  errors?: boolean;
  /** Score only the case groups of one half. */
  split?: 'A' | 'B';
  /** Weigh names with the token-rarity table of the loaded lists (default true). */
  rarity?: boolean;
}

/** Scores every labelled pair; exported so `bench/screening/run.ts` can call it. */
export async function runNamePairsBench(options: NamePairsOptions = {}): Promise<void> {
  const casesPath = benchFile('sanctions/eval/nomenklatura/name_bench_cases.csv');
  const v2Path = benchFile('sanctions/eval/nomenklatura/name_bench_logicv2_frozen_scores.csv');
  if (!casesPath) return;
  const v2 = new Map<string, number>();
  if (v2Path) {
    for (const r of readCsv(v2Path)) v2.set(`${r.schema}\u0000${r.name1}\u0000${r.name2}`, Number(r.score));
  }
  const rarity = options.rarity === false ? NO_RARITY : (await screenerOverAllLists()).parts.rarity;
  const records = readCsv(casesPath).filter(
    (r) => !options.split || splitOf(r.case_group ?? '') === options.split,
  );
  const rows: Scored[] = records.map((r) => {
    const schema = r.schema ?? '';
    const name1 = r.name1 ?? '';
    const name2 = r.name2 ?? '';
    return {
      group: r.case_group ?? '',
      schema,
      category: r.category || '(none)',
      name1,
      name2,
      truth: r.is_match === 'true',
      ours: compareNames(
        weighByRarity(prepareName(name1, schema), rarity),
        weighByRarity(prepareName(name2, schema), rarity),
      ).score,
      logicV2: v2.get(`${schema}\u0000${name1}\u0000${name2}`),
    };
  });

  const half = options.split
    ? `, half ${options.split} (case groups ${[...new Set(rows.map((r) => r.group))].sort().join(', ')})`
    : '';
  console.log(
    `Name pairs: ${rows.length} labelled pairs${half} (the withheld half is scored the same way at acceptance)`,
  );
  console.log(
    `Sentinela at DEFAULT_THRESHOLD ${DEFAULT_THRESHOLD}${options.rarity === false ? ' without the rarity table' : ', names weighed with the rarity table of the loaded lists'}; logic-v2 frozen scores at ${LOGIC_V2_THRESHOLD}`,
  );
  console.log(`${''.padEnd(32)}    n  P     R     F1      | logic-v2 P R F1`);
  console.log(line('overall', rows));
  for (const schema of [...new Set(rows.map((r) => r.schema))].sort()) {
    console.log(
      line(
        `schema ${schema}`,
        rows.filter((r) => r.schema === schema),
      ),
    );
  }
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  for (const category of categories) {
    const subset = rows.filter((r) => r.category === category);
    if (subset.length >= 3) console.log(line(`category ${category}`.slice(0, 32), subset));
  }
  const small = rows.filter(
    (r) =>
      categories.some((c) => c === r.category) && rows.filter((x) => x.category === r.category).length < 3,
  );
  console.log(line('categories with < 3 pairs', small));
  for (const group of [...new Set(rows.map((r) => r.group))].sort()) {
    console.log(
      line(
        `group ${group}`,
        rows.filter((r) => r.group === group),
      ),
    );
  }
  const ob = bestF1(rows, (r) => r.ours);
  const vb = bestF1(rows, (r) => r.logicV2);
  console.log(
    `best F1 over thresholds (information only): sentinela ${f(ob.f1)} at ${ob.threshold}; logic-v2 ${f(vb.f1)} at ${vb.threshold}`,
  );
  printPairSpeed(rows);
  if (options.errors) {
    for (const r of rows) {
      const predicted = r.ours >= DEFAULT_THRESHOLD;
      if (predicted !== r.truth) {
        console.log(
          `${r.truth ? 'FN' : 'FP'} ${r.ours.toFixed(3)} v2=${r.logicV2?.toFixed(3) ?? '-'} [${r.schema}/${r.category}] ${r.name1} | ${r.name2}`,
        );
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--split');
  const split = at > 0 ? process.argv[at + 1]?.toUpperCase() : undefined;
  if (split !== undefined && split !== 'A' && split !== 'B') {
    process.stderr.write(`name-pairs: --split takes A or B, got "${process.argv[at + 1] ?? ''}"\n`);
    process.exit(2);
  }
  await runNamePairsBench({
    errors: process.argv.includes('--errors'),
    split,
    rarity: !process.argv.includes('--no-rarity'),
  });
}
