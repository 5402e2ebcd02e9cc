/**
 * Shipment targeting benchmark (benchmarks.md §3): train on KCS 2020, evaluate on 2021 Q1, beside
 * the published test-split figures; training time, scoring speed, memory; and an ablation of the
 * identifier and exact-amount encodings. `--quick` runs a CI-sized version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type Declaration,
  partyKeyNames,
  parseIndicatorWeights,
  rankForInspection,
  rankingQuality,
  readKcsDeclarations,
  reasonText,
  TargetingScorer,
  trainTargetingModel,
  valueKeyNames,
} from '../../src/targeting/index.js';
import { packageRoot, sharedDataPath } from '../shared-data-path.js';
import type { ScoringWorkerInput, ScoringWorkerOutput } from './scoring-worker.js';

const quick = process.argv.includes('--quick');
const root = packageRoot();
const dataDir = sharedDataPath('customs/kcs-synthetic-2022');
if (!existsSync(join(dataDir, 'df_syn_train_eng.csv'))) {
  process.stderr.write(
    `bench targeting: ${dataDir} not found (needs ../shared/data beside the clone); skipped\n`,
  );
  process.exit(0);
}

const published = [
  { model: 'Logistic regression', p5: 0.258, p10: 0.248 },
  { model: 'Random forest', p5: 0.364, p10: 0.339 },
  { model: 'CatBoost', p5: 0.621, p10: 0.52 },
  { model: 'XGBoost', p5: 0.675, p10: 0.579 },
  { model: 'LightGBM', p5: 0.762, p10: 0.641 },
];

const log = (s: string) => process.stdout.write(`${s}\n`);
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let t0 = performance.now();
const train = read('df_syn_train_eng.csv');
const valid = read('df_syn_valid_eng.csv');
const readSeconds = (performance.now() - t0) / 1000;
const weights = parseIndicatorWeights(
  readFileSync(join(root, 'data/targeting/indicators.json'), 'utf8'),
  'data/targeting/indicators.json',
);
const trainSet = quick ? train.filter((_, i) => i % 4 === 0) : train;
const validSet = quick ? valid.filter((_, i) => i % 4 === 0) : valid;
log(`targeting benchmark${quick ? ' (--quick: a quarter of each file)' : ''}`);
log(
  `data: train ${trainSet.length} rows (2020), validation ${validSet.length} rows (2021 Q1); read both in ${readSeconds.toFixed(2)} s`,
);
log(
  `machine: load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1/5/15 min) on a shared host; wall times are inflated when it is busy, CPU times less so`,
);

// --- Train with the default recipe (fixed rounds; the validation file is not used to train or stop).
t0 = performance.now();
let c0 = cpuSeconds();
const model = trainTargetingModel(trainSet, { weights, sources: ['df_syn_train_eng.csv'] });
const trainWall = (performance.now() - t0) / 1000;
const trainCpu = cpuSeconds() - c0;
log(
  `\ntraining: ${model.booster.trees.length} trees in ${trainWall.toFixed(1)} s wall, ${trainCpu.toFixed(1)} s CPU (target ≤ 10 s)`,
);
log(`model file: ${(JSON.stringify(model).length / 1e6).toFixed(1)} MB JSON`);

// --- Quality on validation.
const scorer = new TargetingScorer(model, { explain: false });
const scored = validSet.map((d) => scorer.score(d));
const scores = scored.map((s) => s.score);
const fraud = validSet.map((d) => d.labels!.fraud);
const critical = validSet.map((d) => (d.labels!.critical === 2 ? 1 : 0));
const revenue = validSet.map((d) => (d.value * d.taxRate) / 100);
const q = rankingQuality(scores, fraud, revenue);
const qc = rankingQuality(
  scored.map((s) => s.critical),
  critical,
  revenue,
);
const qcByFraud = rankingQuality(scores, critical, revenue);
log(`\nvalidation (2021 Q1), Fraud = 1: ${q.positives} of ${q.total}, AUC ${q.auc.toFixed(4)}`);
log('  k     precision  recall  revenue*');
for (const a of q.atK)
  log(
    `  ${`${a.percent}%`.padEnd(4)}  ${a.precision.toFixed(3).padStart(9)}  ${a.recall.toFixed(3).padStart(6)}  ${a.revenue.toFixed(3).padStart(8)}`,
  );
log('  * revenue = share of Item Price × Tax Rate / 100 over all fraud rows, found in the top k %');
for (const [label, r] of [
  ['ranked by critical_score (the critical-fraud trees)', qc],
  ['ranked by score (the fraud model + rules)', qcByFraud],
] as const) {
  log(`validation, Critical Fraud = 2 ${label}: ${r.positives} of ${r.total}, AUC ${r.auc.toFixed(4)}`);
  for (const a of r.atK)
    log(
      `  ${`${a.percent}%`.padEnd(4)}  ${a.precision.toFixed(3).padStart(9)}  ${a.recall.toFixed(3).padStart(6)}`,
    );
}
const p5 = q.atK.find((a) => a.percent === 5)!.precision;
const p10 = q.atK.find((a) => a.percent === 10)!.precision;
log('\nprecision@5% / @10%: ours on validation vs published (Jeong et al. 2022, Table 3, TEST split)');
log(`  ${'Sentinela GBDT + history encodings (validation)'.padEnd(48)} ${p5.toFixed(3)} / ${p10.toFixed(3)}`);
for (const p of published)
  log(`  ${`${p.model} (published, test)`.padEnd(48)} ${p.p5.toFixed(3)} / ${p.p10.toFixed(3)}`);
log(`  target on the withheld test split: ≥ 0.800 / ≥ 0.680`);

// --- Exploration cost: precision of a 5 % capacity with 10 % of it reserved for exploration.
for (const mode of ['uncertain', 'random'] as const) {
  const sel = rankForInspection(
    validSet.map((d, i) => ({ score: scores[i]!, day: d.day, office: d.office })),
    { capacity: { kind: 'percent', value: 5 }, exploration: 0.1, explorationMode: mode, seed: 7 },
  );
  const picked = sel.map((s, i) => (s.selected ? i : -1)).filter((i) => i >= 0);
  const hits = picked.filter((i) => fraud[i] === 1).length;
  log(
    `5 % capacity with 10 % ${mode} exploration: ${picked.length} inspections, precision ${(hits / picked.length).toFixed(3)}`,
  );
}

// --- Scoring speed: the validation rows replicated in memory (each copy keeps its own ids).
// Single thread first (CPU and wall), then the same rows split across two worker threads; the
// machine is shared, so the load average is printed beside each figure.
const copies = quick ? 5 : 25;
const big: Declaration[] = [];
for (let c = 0; c < copies; c++) for (const d of validSet) big.push({ ...d, id: `${d.id}-${c}` });
const load1 = () => loadavg()[0]!.toFixed(1);
const sameAsRowByRow = (() => {
  // The batch path (column-wise lookups) must give exactly the one-declaration path's scores.
  const batch = new TargetingScorer(model, { explain: false }).scoreAll(validSet);
  const one = new TargetingScorer(model, { explain: false });
  return validSet.every((d, i) => one.score(d).score === batch[i]!.score);
})();
log(`\nscoring speed (${big.length} declarations = the validation rows × ${copies}; target ≥ 200,000 /s)`);
log(`  batch scores identical to one-by-one scoring on validation: ${sameAsRowByRow ? 'yes' : 'NO'}`);
for (const [label, explain] of [
  ['risk score only', false],
  ['with reasons (rules fired + top-3 model contributions)', true],
] as const) {
  const s = new TargetingScorer(model, { explain, topContributions: explain ? 3 : 0 });
  s.scoreAll(big.slice(0, 5000)); // warm up
  t0 = performance.now();
  c0 = cpuSeconds();
  const out = s.scoreAll(big);
  if (explain) for (const r of out) reasonText(r);
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  log(
    `  1 thread, ${label}: ${Math.round(big.length / wall)} /s wall, ${Math.round(big.length / cpu)} /s per CPU-second (load average ${load1()})`,
  );
}
const modelText = JSON.stringify(model);
for (const [label, explain] of [
  ['risk score only', false],
  ['with reasons', true],
] as const) {
  const r = await scoreOnThreads(modelText, big, explain, 2);
  log(
    `  2 threads, ${label}: ${Math.round(big.length / r.wall)} /s wall end to end (start, model load, row copy), ${Math.round(big.length / r.scoring)} /s over the scoring phase (load average ${load1()})`,
  );
}
log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// --- Ablation: what carries the model.
log('\nablation (same recipe, retrained; precision@5% / @10% / AUC on validation)');
const variants: [string, { excludedKeys: string[]; excludeAmounts?: boolean }][] = [
  ['all features (the model above)', { excludedKeys: [] }],
  ['without exact-amount encodings (value, mass, value×mass)', { excludedKeys: [...valueKeyNames] }],
  ['without party id encodings (importer, declarant, seller, ...)', { excludedKeys: [...partyKeyNames] }],
  ['without both', { excludedKeys: [...valueKeyNames, ...partyKeyNames] }],
  [
    'without any history encoding (raw numbers and codes only)',
    { excludedKeys: model.featureNames.filter((n) => n.endsWith('.seen')).map((n) => n.slice(0, -5)) },
  ],
];
for (const [label, features] of quick ? variants.slice(0, 2) : variants) {
  const m = label.startsWith('all') ? model : trainTargetingModel(trainSet, { weights, features });
  const sc = new TargetingScorer(m, { explain: false });
  const r = rankingQuality(
    validSet.map((d) => sc.score(d).score),
    fraud,
  );
  const at = (k: number) => r.atK.find((a) => a.percent === k)!.precision.toFixed(3);
  log(`  ${label.padEnd(62)} ${at(5)} / ${at(10)} / ${r.auc.toFixed(3)}`);
}

/** Splits `rows` across `threads` worker threads; wall seconds end to end and of the slowest scoring phase. */
async function scoreOnThreads(
  text: string,
  rows: Declaration[],
  explain: boolean,
  threads: number,
): Promise<{ wall: number; scoring: number }> {
  const started = performance.now();
  const size = Math.ceil(rows.length / threads);
  const outputs = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const input: ScoringWorkerInput = {
        modelText: text,
        declarations: rows.slice(t * size, (t + 1) * size),
        explain,
      };
      return new Promise<ScoringWorkerOutput>((done, fail) => {
        const worker = new Worker(new URL('./scoring-worker.js', import.meta.url), { workerData: input });
        worker.once('message', (m: ScoringWorkerOutput) => {
          done(m);
          void worker.terminate();
        });
        worker.once('error', fail);
      });
    }),
  );
  const scored = outputs.reduce((n, o) => n + o.scores.length, 0);
  if (scored !== rows.length) throw new Error(`threads scored ${scored} of ${rows.length} rows`);
  return {
    wall: (performance.now() - started) / 1000,
    scoring: Math.max(...outputs.map((o) => o.scoreSeconds)),
  };
}

function read(name: string): Declaration[] {
  const path = join(dataDir, name);
  const batch = readKcsDeclarations(readFileSync(path, 'utf8'), path);
  if (batch.rejected.length) process.stderr.write(`${name}: ${batch.rejected.length} rows rejected\n`);
  return batch.declarations;
}
