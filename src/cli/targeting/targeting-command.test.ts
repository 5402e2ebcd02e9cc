import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { readKcsDeclarations } from '../../targeting/index.js';
import { syntheticKcsCsv } from '../../targeting/testing/declaration-fixtures.js';
import { register } from './targeting-command.js';
import { runTargetingEval } from './targeting-eval.js';
import { runTargetingScore, scoreColumns } from './targeting-score.js';
import { runTargetingTrain } from './targeting-train.js';
import { captureIo } from '../shared/testing/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-targeting-'));
const trainCsv = join(dir, 'train.csv');
const validCsv = join(dir, 'valid.csv');
const unlabelledCsv = join(dir, 'unlabelled.csv');
const modelPath = join(dir, 'model.json');

beforeAll(async () => {
  writeFileSync(trainCsv, syntheticKcsCsv(1500, 60, 1));
  writeFileSync(validCsv, syntheticKcsCsv(400, 20, 2).replace(/2020-01-/g, '2020-03-'));
  writeFileSync(unlabelledCsv, syntheticKcsCsv(300, 10, 3, false).replace(/2020-01-/g, '2020-04-'));
  await runTargetingTrain({ input: [trainCsv], model: modelPath, valid: validCsv, seed: 3 }, captureIo());
}, 60_000);

describe('sentinela targeting (on an invented fixture)', () => {
  it('train writes a model and reports counts and validation precision', async () => {
    const io = captureIo();
    const r = await runTargetingTrain(
      { input: [trainCsv], model: join(dir, 'm2.json'), valid: validCsv },
      io,
    );
    const log = io.stderr;
    expect(log).toContain('1500 rows in = 1500 accepted + 0 rejected');
    expect(log).toMatch(/validation: AUC \d\.\d{3}, precision@1% /);
    expect(r.trees).toBeGreaterThan(0);
    // The fixture's fraud follows learnable patterns, so the top 10 % is mostly fraud.
    expect(r.validPrecision![3]).toBeGreaterThan(0.6);
  }, 60_000);

  it('score works on a file with no label columns and flags exploration picks separately', async () => {
    const io = captureIo();
    const out = join(dir, 'scores.csv');
    await runTargetingScore(
      {
        model: modelPath,
        input: unlabelledCsv,
        output: out,
        capacity: '10%',
        per: 'all',
        exploration: 0.2,
        explorationMode: 'uncertain',
        seed: 1,
        top: 2,
      },
      io,
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(scoreColumns.join(','));
    expect(lines).toHaveLength(301);
    const rows = lines.slice(1).map((l) => l.split(','));
    const selected = rows.filter((r) => r[5] === '1');
    expect(selected).toHaveLength(30);
    expect(selected.filter((r) => r[6] === 'exploration-uncertain')).toHaveLength(6);
    // Risk picks are the 24 highest scores: exploration never changes the score column.
    const byScore = [...rows].sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(byScore.slice(0, 24).every((r) => r[6] === 'risk')).toBe(true);
    expect(lines.slice(1).some((l) => l.includes('model: '))).toBe(true);
    expect(io.stderr).toContain('inactive rules (no hook given): watchlisted-party, controlled-goods');
  }, 60_000);

  it('scores identically with the model read back from its JSON file', async () => {
    const { TargetingScorer, parseTargetingModel } = await import('../../targeting/index.js');
    const text = readFileSync(modelPath, 'utf8');
    const a = new TargetingScorer(parseTargetingModel(text, modelPath), { explain: false });
    const b = new TargetingScorer(parseTargetingModel(JSON.stringify(JSON.parse(text)), 'copy'), {
      explain: false,
    });
    const ds = readKcsDeclarations(readFileSync(validCsv, 'utf8'), validCsv).declarations;
    for (const d of ds) expect(b.score(d).score).toBe(a.score(d).score);
  });

  it('eval reports precision, recall, revenue and AUC for fraud and critical fraud', async () => {
    const io = captureIo();
    const report = await runTargetingEval({ model: modelPath, input: validCsv, json: true }, io);
    const json = JSON.parse(io.stdout);
    expect(json.fraud.atK.map((a: { percent: number }) => a.percent)).toEqual([1, 2, 5, 10]);
    expect(report.fraud.auc).toBeGreaterThan(0.6);
    expect(report.criticalFraud.total).toBe(400);
    expect(report.criticalRankedBy).toBe('critical_score');
    expect(report.fraud.atK[0]!.revenue).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('runs through commander and names file, line and field of bad rows', async () => {
    const bad = join(dir, 'bad.csv');
    const text = syntheticKcsCsv(50, 5, 4).split('\n');
    text[3] = text[3]!.replace(/^(\d+),2020-01-\d\d,/, '$1,not-a-date,');
    writeFileSync(bad, text.join('\n'));
    const io = captureIo();
    const program = new Command('sentinela').exitOverride();
    register(program, io);
    await program.parseAsync(
      ['targeting', 'score', '--model', modelPath, '--input', bad, '--capacity', '3'],
      {
        from: 'user',
      },
    );
    const log = io.stderr;
    expect(log).toContain('50 rows in = 49 accepted + 1 rejected');
    expect(log).toContain(`${bad}:4: field "Date": "not-a-date" is not a date in YYYY-MM-DD form`);
    expect(io.stdout.split('\n')[0]).toBe(scoreColumns.join(','));
  }, 60_000);
});

describe('sentinela targeting score on the sample crossing manifest (rules only)', () => {
  it('reads all 200 invented crossings and puts the inconsistent descriptions first', async () => {
    const io = captureIo();
    const sample = join(import.meta.dirname, '../../../data/targeting/sample-crossings.csv');
    await runTargetingScore(
      {
        input: sample,
        capacity: '5',
        per: 'all',
        exploration: 0,
        explorationMode: 'uncertain',
        seed: 1,
        top: 3,
      },
      io,
    );
    expect(io.stderr).toContain('200 rows in = 200 accepted + 0 rejected');
    expect(io.stderr).toContain('no --model: scoring with the indicator rules only');
    const picked = io.stdout
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.includes(',1,risk,'));
    expect(picked).toHaveLength(5);
    for (const line of picked) expect(line).toContain('mentions ""drying agent"" (HS chapter 38)');
  });
});

describeWithSharedData('KCS synthetic files', () => {
  it('load with the documented row counts and no rejections', () => {
    for (const [name, rows] of [
      ['df_syn_train_eng.csv', 37_385],
      ['df_syn_valid_eng.csv', 8_134],
    ] as const) {
      const path = sharedData('customs/kcs-synthetic-2022', name);
      const b = readKcsDeclarations(readFileSync(path, 'utf8'), path);
      expect(b.rowsIn).toBe(rows);
      expect(b.declarations).toHaveLength(rows);
      expect(b.rejected).toEqual([]);
    }
  }, 60_000);
});
