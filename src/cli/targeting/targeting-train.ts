/** `sentinela targeting train`: fit a targeting model on labelled declarations and write it as JSON. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { loadWeights, readDeclarationFiles } from './targeting-io.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { collect, parseInteger, parsePositiveCount } from '../shared/option-parsers.js';

export interface TrainCommandOptions {
  input: string[];
  model: string;
  valid?: string;
  seed?: number;
  weights?: string;
  rounds?: number;
}

/** Runs the train command; returns the figures it printed (for tests). */
export async function runTargetingTrain(o: TrainCommandOptions, io: CommandIo = processIo()) {
  const { trainTargetingModel, rankingQuality, TargetingScorer } = await import('../../targeting/index.js');
  const { seed, rounds } = o;
  const weights = await loadWeights(o.weights);
  const train = await readDeclarationFiles(o.input, io);
  const valid = o.valid ? await readDeclarationFiles([o.valid], io) : undefined;
  const unlabelled = [...train, ...(valid ?? [])].find((d) => !d.labels);
  if (unlabelled)
    throw new CliError(
      `${unlabelled.source.file}: no "Fraud" column; training and validation need inspected, labelled declarations`,
      ExitCode.inputRejected,
    );
  if (train.length === 0) throw new CliError('no accepted declarations to train on', ExitCode.inputRejected);
  const started = performance.now();
  const model = trainTargetingModel(train, {
    weights,
    valid,
    seed,
    sources: o.input,
    booster: rounds ? { rounds } : {},
  });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(o.model, JSON.stringify(model));
  io.err(
    `trained on ${train.length} declarations (${model.training.firstDate}..${model.training.lastDate}) in ${seconds.toFixed(1)} s: ${model.booster.trees.length} trees${valid ? ` (early stopping on ${o.valid})` : ''}\n`,
  );
  let validPrecision: number[] | undefined;
  if (valid) {
    const scorer = new TargetingScorer(model, { explain: false });
    const q = rankingQuality(
      valid.map((d) => scorer.score(d).score),
      valid.map((d) => d.labels!.fraud),
    );
    validPrecision = q.atK.map((a) => a.precision);
    io.err(
      `validation: AUC ${q.auc.toFixed(3)}, ${q.atK.map((a) => `precision@${a.percent}% ${a.precision.toFixed(3)}`).join(', ')}\n`,
    );
  }
  io.out(`${o.model}\n`);
  return { trees: model.booster.trees.length, seconds, validPrecision };
}

export function registerTargetingTrain(targeting: Command, io: CommandIo = processIo()): void {
  targeting
    .command('train')
    .description('train a targeting model on labelled declarations (KCS format); writes model JSON')
    .requiredOption('--input <file>', 'labelled declarations CSV (repeatable)', collect, [])
    .requiredOption('--model <file>', 'where to write the model JSON')
    .option('--valid <file>', 'later labelled declarations for early stopping and a validation report')
    .option('--seed <n>', 'random seed for row/feature subsampling', parseInteger)
    .option(
      '--rounds <n>',
      'number of trees when no --valid is given (default: the recipe)',
      parsePositiveCount,
    )
    .option('--weights <file>', 'indicator weight set (default: data/targeting/indicators.json)')
    .action(async (o: TrainCommandOptions) => {
      await runTargetingTrain(o, io);
    });
}
