/**
 * A targeting model file is checked whole, trees included, before use: a damaged file is an
 * InputError naming the file and the field, never a stack trace or silently different scores.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTargetingTrain } from '../cli/targeting/targeting-train.js';
import { captureIo } from '../cli/shared/testing/run-cli.js';
import { InputError } from '../core/index.js';
import { parseTargetingModel } from './targeting-model.js';
import { syntheticKcsCsv } from './testing/declaration-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-model-schema-'));
const modelPath = join(dir, 'model.json');
let text = '';

beforeAll(async () => {
  const train = join(dir, 'train.csv');
  writeFileSync(train, syntheticKcsCsv(800, 40, 1));
  await runTargetingTrain({ input: [train], model: modelPath, seed: 1 } as never, captureIo());
  text = readFileSync(modelPath, 'utf8');
}, 60_000);

// biome-ignore lint/suspicious/noExplicitAny: the tests damage arbitrary parts of the model JSON
type ModelJson = Record<string, any>;

/** The model JSON with `change` applied, parsed again. */
function damaged(change: (m: ModelJson) => void): () => unknown {
  const model = JSON.parse(text);
  change(model);
  return () => parseTargetingModel(JSON.stringify(model), 'model.json');
}

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('the damaged model was accepted');
}

/** The first tree with at least two splits. */
function splitTree(m: ModelJson) {
  return m.booster.trees.find((t: { feature: number[] }) => t.feature.length >= 2);
}

describe('parseTargetingModel', () => {
  it('accepts the model training wrote', () => {
    expect(parseTargetingModel(text, modelPath).booster.trees.length).toBeGreaterThan(0);
  });

  it('a missing recipe is named', () => {
    const e = refusal(damaged((m) => delete m.recipe));
    expect(e.file).toBe('model.json');
    expect(e.field).toBe('recipe');
    expect(e.message).toMatch(/is missing/);
  });

  it('refuses a feature index out of range', () => {
    const e = refusal(damaged((m) => (splitTree(m).feature[0] = 999)));
    expect(e.field).toMatch(/^booster\.trees\[\d+\]\.feature\[0\]$/);
    expect(e.message).toMatch(/feature index 999 is out of range/);
  });

  it('refuses a child index out of range, a leaf index out of range and a cycle', () => {
    expect(refusal(damaged((m) => (splitTree(m).left[0] = 500))).message).toMatch(
      /child index 500 is out of range/,
    );
    expect(refusal(damaged((m) => (splitTree(m).right[0] = ~400))).message).toMatch(/leaf index 400/);
    expect(
      refusal(
        damaged((m) => {
          const t = splitTree(m);
          const inner = t.left[0] >= 0 ? t.left[0] : t.right[0];
          t.left[inner] = 0;
        }),
      ).message,
    ).toMatch(/reached twice|out of range/);
  });

  it('refuses null leaves and node values, and arrays of mismatched length', () => {
    expect(refusal(damaged((m) => (m.booster.trees[0].leafValue[0] = null))).field).toMatch(
      /^booster\.trees\[0\]\.leafValue\[0\]$/,
    );
    expect(refusal(damaged((m) => splitTree(m).nodeValue.pop())).message).toMatch(
      /entries, expected one per split node/,
    );
    expect(refusal(damaged((m) => (m.booster.featureCount = 3))).field).toMatch(/^booster\./);
  });

  it('refuses damaged indicator weights inside the model', () => {
    const e = refusal(damaged((m) => (m.featureWeights.rules[0].weight = 7)));
    expect(e.field).toBe('featureWeights.rules[0].weight');
  });

  it('targeting score with a damaged model exits 2 with one line and no stack trace', () => {
    const bad = join(dir, 'bad.json');
    const model = JSON.parse(text);
    delete model.recipe;
    writeFileSync(bad, JSON.stringify(model));
    const repo = resolve(import.meta.dirname, '../..');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repo, 'src/cli/main.ts'),
        'targeting',
        'score',
        '--model',
        bad,
        '--input',
        join(dir, 'train.csv'),
        '--output',
        join(dir, 'o.csv'),
      ],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.stderr).toMatch(/bad\.json: field "recipe": is missing/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
  });
});
