/**
 * Reconciliation benchmark (benchmarks.md §5): seeded mirrored ledgers with realistic noise and
 * planted diversion; recall and precision per gap kind, false gaps per 1,000 clean records, time
 * and peak memory of the whole command (start-up, reading, matching, writing, storing) and of the
 * engine alone. Default 1,000,000 shipments per side; `--quick` 20,000; `--records N` any size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../shared-data-path.js';
import { generateMirrorLedgers } from './mirror-ledger-generator.js';
import { type GapScores, scoreGaps } from './planted-case-scoring.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const recordsFlag = args.indexOf('--records');
const shipments = recordsFlag >= 0 ? Number(args[recordsFlag + 1]) : quick ? 20_000 : 1_000_000;
const seed = 20_261_201;
const log = (s: string) => process.stdout.write(`${s}\n`);
const root = packageRoot();
const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-reconcile-'));

try {
  log(
    `reconciliation benchmark: ${shipments.toLocaleString('en-US')} export shipments, seed ${seed}${quick ? ' (--quick)' : ''}`,
  );
  log(
    `machine: ${cpus().length} cores, load average before ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  let t = performance.now();
  const g = generateMirrorLedgers({ seed, shipments });
  const exportsPath = join(dir, 'exports.csv');
  const importsPath = join(dir, 'imports.csv');
  writeFileSync(exportsPath, g.exportsCsv);
  writeFileSync(importsPath, g.importsCsv);
  log(
    `generated ${g.exportRows.toLocaleString('en-US')} export and ${g.importRows.toLocaleString('en-US')} import rows ` +
      `(${g.planted.length.toLocaleString('en-US')} planted cases) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const planted = g.planted;
  const plantedIds = g.plantedRecordIds;
  const totalRecords = g.exportRows + g.importRows;
  // Free the generator's strings before the measured runs.
  (g as { exportsCsv: string }).exportsCsv = '';
  (g as { importsCsv: string }).importsCsv = '';

  // 1. The engine alone, in its own process.
  const engineGaps = join(dir, 'engine-gaps.jsonl');
  const engine = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=3500',
      join(root, 'dist/bench/reconcile/engine-run.js'),
      exportsPath,
      importsPath,
      engineGaps,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (engine.status !== 0) throw new Error(`engine run failed: ${engine.stderr}`);
  const e = JSON.parse(engine.stdout) as {
    seconds: number;
    peakRssMb: number;
    cpuSeconds: number;
    stages: Record<string, number>;
    cpu: Record<string, number>;
    [k: string]: unknown;
  };
  const engineScores = scoreGaps(readJsonLines(engineGaps), planted, plantedIds, totalRecords);

  // 2. The whole command as a user runs it, start-up and the alert store included.
  const gapsPath = join(dir, 'gaps.jsonl');
  const db = join(dir, 'alerts.sqlite');
  t = performance.now();
  const command = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M %U %S',
      process.execPath,
      '--max-old-space-size=3500',
      join(root, 'dist/src/cli/main.js'),
      'reconcile',
      '--exports',
      exportsPath,
      '--imports',
      importsPath,
      '--output',
      gapsPath,
      '--db',
      db,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } },
  );
  const wall = (performance.now() - t) / 1000;
  if (command.status !== 0) throw new Error(`command failed: ${command.stderr}`);
  const timeLine = command.stderr.trim().split('\n').at(-1) ?? '';
  const [, maxRssKb, userCpu, systemCpu] = timeLine.split(' ').map(Number);
  const commandScores = scoreGaps(readJsonLines(gapsPath), planted, plantedIds, totalRecords);

  log('');
  log('gap kind            planted  found  recall  reported  precision');
  for (const k of commandScores.kinds)
    log(
      `${k.kind.padEnd(19)} ${String(k.planted).padStart(7)} ${String(k.found).padStart(6)}  ${fmt(k.recall)}  ${String(k.reported).padStart(8)}  ${fmt(k.precision)}`,
    );
  log(`all planted cases: recall ${fmt(commandScores.recall)} (target ≥ 0.95)`);
  log(
    `false gaps: ${commandScores.falseGaps} on ${commandScores.cleanRecords.toLocaleString('en-US')} clean records = ` +
      `${commandScores.falseGapsPer1000Clean.toFixed(2)} per 1,000 (target ≤ 1)`,
  );
  sameAsEngine(engineScores, commandScores);
  log('');
  log(
    `whole command (sentinela reconcile, start-up, read, match, write gaps, store alerts): ${wall.toFixed(1)} s, peak RSS ${(maxRssKb! / 1024).toFixed(0)} MB (target ≤ 30 s, ≤ 4 GB); ` +
      `CPU ${(userCpu! + systemCpu!).toFixed(1)} s (user ${userCpu!.toFixed(1)}, system ${systemCpu!.toFixed(1)}: ` +
      `what the command itself used, whatever else loads the machine)`,
  );
  log(
    `engine alone (read + reconcile, own process): ${e.seconds.toFixed(1)} s ` +
      `(${Object.entries(e.stages)
        .map(([s, v]) => `${s} ${v.toFixed(1)}`)
        .join(', ')}), peak RSS ${e.peakRssMb.toFixed(0)} MB; CPU ${e.cpuSeconds.toFixed(1)} s ` +
      `(${Object.entries(e.cpu)
        .map(([s, v]) => `${s} ${v.toFixed(1)}`)
        .join(', ')})`,
  );
  log(
    `matched ${JSON.stringify(e.matched)}, unmatched ${JSON.stringify(e.unmatched)}, ${e.partySpellings} party spellings, ${e.candidatePairs} candidate pairs`,
  );
  log(
    `command summary: ${command.stderr
      .split('\n')
      .filter((l) => l.startsWith('reconcile:'))
      .slice(-4)
      .join(' | ')}`,
  );
  log(
    `load average after ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (2 cores shared with other work: figures are upper bounds)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function readJsonLines(path: string): Array<{ kind: string; export_ids: string[]; import_ids: string[] }> {
  const text = readFileSync(path, 'utf8').trim();
  return text === '' ? [] : text.split('\n').map((l) => JSON.parse(l));
}

function fmt(x: number): string {
  return Number.isNaN(x) ? '   -  ' : x.toFixed(3).padStart(6);
}

function sameAsEngine(a: GapScores, b: GapScores): void {
  if (a.falseGaps !== b.falseGaps || a.recall !== b.recall)
    log('note: the engine run and the command found different gaps');
}
