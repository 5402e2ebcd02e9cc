/**
 * Early-warning benchmark (benchmarks.md §4): simulate the Noufaily et al. (2013) scenarios, run our
 * six detectors and — on the same series, in the same run — R surveillance's, then print FPR, POD,
 * sensitivity, timeliness and time per series side by side; then our agreement with R's bounds on
 * the shared golden series.
 * Usage: node dist/bench/warning/run.js [--reps N] [--quick] [--no-r] [--no-golden]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Detector } from '../../src/warning/detectors/detector.js';
import { createDetector } from '../../src/warning/detectors/detector-registry.js';
import {
  type MethodSummary,
  type ReplicateOutcome,
  replicateOutcome,
  summarise,
} from './detection-metrics.js';
import { sharedDataPath } from '../shared-data-path.js';
import { readGoldenRResults, readGoldenSeries } from './golden-files.js';
import {
  firstEvaluatedWeek,
  type SimulatedSeries,
  scenarios,
  simulateSeries,
} from './noufaily-simulation.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsFlag = args.indexOf('--reps');
const reps = repsFlag >= 0 ? Number(args[repsFlag + 1]) : quick ? 1 : 3;
const goldenDir = sharedDataPath('earlywarning/noufaily-benchmark');

/** Our method names beside R's (C3 in R-compatible mode, as R computes it; textbook C3 reported too). */
const methods: { r: string; make: () => Detector }[] = [
  { r: 'noufaily', make: () => createDetector('noufaily') },
  { r: 'farrington', make: () => createDetector('farrington') },
  { r: 'earsC1', make: () => createDetector('ears-c1') },
  { r: 'earsC2', make: () => createDetector('ears-c2') },
  { r: 'earsC3', make: () => createDetector('ears-c3', { c3Mode: 'r-compatible' }) },
  { r: 'glrnb', make: () => createDetector('glrnb') },
];
const extra: { name: string; make: () => Detector }[] = [
  { name: 'ears-c3 (textbook)', make: () => createDetector('ears-c3') },
];

/** The R script sits beside this file in the source tree (dist/ holds only compiled TypeScript). */
function rScript(): string {
  const beside = join(import.meta.dirname, 'r-detectors.R');
  return existsSync(beside) ? beside : resolve(import.meta.dirname, '../../../bench/warning/r-detectors.R');
}

function fmt(v: number, digits = 4): string {
  return Number.isFinite(v) ? v.toFixed(digits) : 'NA';
}

const t0 = performance.now();
const series: SimulatedSeries[] = [];
for (let rep = 1; rep <= reps; rep++) for (const s of scenarios) series.push(simulateSeries(s, rep));
process.stderr.write(
  `bench warning: ${series.length} simulated series (${reps} × 42 scenarios) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);

// --- ours
const ours = new Map<string, { summary: MethodSummary; msPerSeries: number }>();
for (const m of [...methods.map((x) => ({ name: x.r, make: x.make })), ...extra]) {
  const detector = m.make();
  const outcomes: ReplicateOutcome[] = [];
  // CPU time (as the R side measures), so other work on a shared machine distorts the ratio less.
  const start = process.cpuUsage();
  for (const s of series) {
    const fpr = detector.detect(s.yFpr, { from: firstEvaluatedWeek - 1 }).map((p) => p.alarm);
    const pod = detector.detect(s.yPod, { from: firstEvaluatedWeek - 1 }).map((p) => p.alarm);
    outcomes.push(replicateOutcome(fpr, pod, s.outbreakWeeks, s.start));
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000 / (2 * series.length);
  ours.set(m.name, { summary: summarise(outcomes), msPerSeries: ms });
  process.stderr.write(`bench warning: ours ${m.name}: ${ms.toFixed(2)} ms CPU per series\n`);
}

// --- R on the same series
const rSummary = new Map<string, { summary: MethodSummary; msPerSeries: number }>();
let rNote = '';
const rAvailable = !args.includes('--no-r') && spawnSync('Rscript', ['--version']).status === 0;
if (rAvailable) {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-'));
  const input = join(dir, 'series.csv');
  const lines = ['series,week,y'];
  series.forEach((s, i) => {
    s.yFpr.forEach((y, w) => {
      lines.push(`f${i},${w + 1},${y}`);
    });
    s.yPod.forEach((y, w) => {
      lines.push(`p${i},${w + 1},${y}`);
    });
  });
  writeFileSync(input, `${lines.join('\n')}\n`);
  const results = join(dir, 'results.csv');
  const timings = join(dir, 'timings.csv');
  process.stderr.write(
    `bench warning: running R surveillance on the same ${2 * series.length} series (this takes a while)…\n`,
  );
  const run = spawnSync('Rscript', [rScript(), input, String(firstEvaluatedWeek), results, timings], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status === 0) {
    const rows = parse(readFileSync(results), { columns: true }) as Record<string, string>[];
    const alarms = new Map<string, (boolean | null)[]>();
    for (const r of rows) {
      const key = `${r.series}|${r.method}`;
      let list = alarms.get(key);
      if (!list) {
        list = [];
        alarms.set(key, list);
      }
      list.push(r.alarm === 'NA' ? null : r.alarm === '1');
    }
    const secs = parse(readFileSync(timings), { columns: true }) as Record<string, string>[];
    for (const m of methods) {
      const outcomes = series.map((s, i) =>
        replicateOutcome(alarms.get(`f${i}|${m.r}`)!, alarms.get(`p${i}|${m.r}`)!, s.outbreakWeeks, s.start),
      );
      const t = secs.find((x) => x.method === m.r)!;
      rSummary.set(m.r, {
        summary: summarise(outcomes),
        msPerSeries: (1000 * Number(t.seconds)) / Number(t.series),
      });
    }
  } else rNote = 'Rscript failed; see its messages above.';
  rmSync(dir, { recursive: true, force: true });
} else {
  rNote =
    "Rscript not available (or --no-r): R columns are R's stored figures from r_bench_summary.csv (840 series of its own simulation, not these series; no R timing).";
  const path = join(goldenDir, 'r_bench_summary.csv');
  if (existsSync(path)) {
    for (const r of parse(readFileSync(path), { columns: true }) as Record<string, string>[]) {
      rSummary.set(r.method!, {
        summary: {
          fpr: Number(r.FPR),
          pod: Number(r.POD),
          pod1week: Number(r.POD1week),
          sensitivity: Number(r.sensitivity),
          meanDelay: Number(r.mean_delay_weeks),
          series: Number(r.n_series),
        },
        msPerSeries: Number.NaN,
      });
    }
  }
}

console.log(
  `\nNoufaily et al. (2013) simulation: ${series.length} series × (without, with current outbreak), weeks ${firstEvaluatedWeek}–624`,
);
if (rNote) console.log(`note: ${rNote}`);
console.log(
  [
    'method',
    'FPR ours',
    'FPR R',
    'POD ours',
    'POD R',
    'POD1wk ours',
    'POD1wk R',
    'sens ours',
    'sens R',
    'delay ours',
    'delay R',
    'CPU ms/ser ours',
    'CPU ms/ser R',
    'speed ×',
  ]
    .map((h, i) => (i === 0 ? h.padEnd(20) : h.padStart(i >= 11 ? 14 : 10)))
    .join(' '),
);
for (const name of [...methods.map((m) => m.r), ...extra.map((e) => e.name)]) {
  const o = ours.get(name)!;
  const r = rSummary.get(name);
  const cells = [
    fmt(o.summary.fpr),
    r ? fmt(r.summary.fpr) : '-',
    fmt(o.summary.pod, 3),
    r ? fmt(r.summary.pod, 3) : '-',
    fmt(o.summary.pod1week, 3),
    r ? fmt(r.summary.pod1week, 3) : '-',
    fmt(o.summary.sensitivity, 3),
    r ? fmt(r.summary.sensitivity, 3) : '-',
    fmt(o.summary.meanDelay, 2),
    r ? fmt(r.summary.meanDelay, 2) : '-',
  ].map((c) => c.padStart(10));
  const speed = r && Number.isFinite(r.msPerSeries) ? r.msPerSeries / o.msPerSeries : Number.NaN;
  cells.push(
    fmt(o.msPerSeries, 2).padStart(14),
    (r ? fmt(r.msPerSeries, 1) : '-').padStart(14),
    fmt(speed, 1).padStart(14),
  );
  console.log(`${name.padEnd(20)} ${cells.join(' ')}`);
}
const n = ours.get('noufaily')!;
const rn = rSummary.get('noufaily');
if (rn) {
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(
    `\ntarget (Noufaily settings): FPR ours ${fmt(n.summary.fpr)} ≤ R ${fmt(rn.summary.fpr)}: ${ok(n.summary.fpr <= rn.summary.fpr)}; ` +
      `POD ours ${fmt(n.summary.pod, 3)} ≥ R ${fmt(rn.summary.pod, 3)}: ${ok(n.summary.pod >= rn.summary.pod)}; ` +
      (Number.isFinite(rn.msPerSeries)
        ? `speed ${fmt(rn.msPerSeries / n.msPerSeries, 1)}× R (target ≥ 20×): ${ok(rn.msPerSeries / n.msPerSeries >= 20)}`
        : 'speed: no R timing in this run'),
  );
}

// --- agreement with R's bounds on the shared golden series
if (!args.includes('--no-golden') && existsSync(join(goldenDir, 'golden_series.csv'))) {
  const golden = readGoldenSeries(join(goldenDir, 'golden_series.csv')).filter((s) => !quick || s.rep === 1);
  const ref = readGoldenRResults(join(goldenDir, 'golden_r_results.csv'));
  console.log(
    `\nAgreement with R's stored results on golden series (${golden.length} series × fpr/pod × 49 weeks):`,
  );
  console.log(
    `${'method'.padEnd(12)} ${'bounds'.padStart(7)} ${'median rel diff'.padStart(16)} ${'max rel diff'.padStart(14)} ${'NA agree'.padStart(9)} ${'alarm agree'.padStart(12)}`,
  );
  for (const m of methods) {
    const detector = m.make();
    const rel: number[] = [];
    let naAgree = 0;
    let alarmAgree = 0;
    let total = 0;
    for (const s of golden) {
      for (const dataset of ['fpr', 'pod'] as const) {
        const r = ref.get(`${s.scenario}|${s.rep}|${dataset}|${m.r}`)!;
        detector
          .detect(dataset === 'fpr' ? s.yFpr : s.yPod, { from: firstEvaluatedWeek - 1 })
          .forEach((p, i) => {
            const rr = r[i]!;
            total++;
            if ((p.upperbound === null) === (rr.upperbound === null)) naAgree++;
            if (p.upperbound !== null && rr.upperbound !== null) {
              rel.push(Math.abs(p.upperbound - rr.upperbound) / Math.max(Math.abs(rr.upperbound), 1e-12));
            }
            if ((p.alarm ?? null) === rr.alarm) alarmAgree++;
          });
      }
    }
    rel.sort((a, b) => a - b);
    console.log(
      `${m.r.padEnd(12)} ${String(rel.length).padStart(7)} ${(rel[rel.length >> 1] ?? Number.NaN).toExponential(2).padStart(16)} ${(rel.at(-1) ?? Number.NaN).toExponential(2).padStart(14)} ${fmt(naAgree / total, 4).padStart(9)} ${fmt(alarmAgree / total, 4).padStart(12)}`,
    );
  }
  console.log('(R stores bounds to 7 significant digits, so ~1e-7 relative is exact agreement.)');
}
