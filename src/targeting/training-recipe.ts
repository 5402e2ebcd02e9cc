/**
 * The default training recipe (hyperparameters chosen on the 2021 Q1 validation split) and the
 * training of a targeting model from labelled declarations: time-ordered features, boosted trees,
 * and the history the model keeps for scoring.
 */
import type { Declaration } from './declaration.js';
import { defaultFeatureOptions, type FeatureOptions, featureNames } from './features/declaration-features.js';
import { historyFeatures, timeOrderedFeatures } from './features/time-ordered-features.js';
import {
  type BoosterParams,
  defaultBoosterParams,
  prepareBins,
  trainBooster,
} from './gbdt/gradient-booster.js';
import { IndicatorEngine } from './indicators/indicator-engine.js';
import type { IndicatorWeightSet } from './indicators/indicator-weights.js';
import { modelFormat, type TargetingModelJson } from './targeting-model.js';

/**
 * Chosen on validation (see docs/targeting.md). `rounds` is the fixed count used when no
 * validation file is given; with one, early stopping picks the round.
 */
export const defaultRecipe: {
  booster: BoosterParams;
  critical: Partial<BoosterParams>;
  features: FeatureOptions;
} = {
  booster: {
    ...defaultBoosterParams,
    rounds: 50,
    learningRate: 0.15,
    maxLeaves: 15,
    minDataInLeaf: 20,
    lambda: 1,
    rowSample: 0.6,
    featureSample: 0.4,
    earlyStoppingRounds: 30,
  },
  /**
   * The Critical Fraud = 2 model: rare positives (about 1 %), so smaller trees; on validation it
   * ranks critical cases far better than the fraud score does (see docs/targeting.md).
   */
  critical: {
    rounds: 30,
    learningRate: 0.15,
    maxLeaves: 7,
    minDataInLeaf: 20,
    rowSample: 0.6,
    earlyStoppingRounds: 0,
  },
  features: defaultFeatureOptions,
};

export interface TrainOptions {
  /** Indicator weights whose combined score becomes a feature; stored in the model. */
  weights: IndicatorWeightSet;
  /** Labelled later declarations for early stopping (encoded from the training history only). */
  valid?: readonly Declaration[];
  seed?: number;
  booster?: Partial<BoosterParams>;
  features?: Partial<FeatureOptions>;
  sources?: string[];
}

/**
 * Trains a model on labelled declarations.
 * @example const model = trainTargetingModel(batch.declarations, { weights })
 */
export function trainTargetingModel(
  train: readonly Declaration[],
  options: TrainOptions,
): TargetingModelJson {
  const unlabelled = train.find((d) => !d.labels);
  if (unlabelled)
    throw new Error(
      `${unlabelled.source.file}:${unlabelled.source.line}: declaration ${unlabelled.id} has no Fraud label; training needs inspected rows`,
    );
  const features = { ...defaultRecipe.features, ...options.features };
  const booster = {
    ...defaultRecipe.booster,
    ...options.booster,
    seed: options.seed ?? defaultRecipe.booster.seed,
  };
  const indicators = new IndicatorEngine(options.weights);
  const indicatorScore = (d: Declaration, h: Parameters<IndicatorEngine['score']>[1]) =>
    indicators.score(d, h);
  const { matrix, history } = timeOrderedFeatures(train, features, indicatorScore);
  const labels = Uint8Array.from(train, (d) => d.labels!.fraud);
  let valid: { values: Float64Array; rows: number; labels: Uint8Array } | undefined;
  if (options.valid?.length) {
    const vm = historyFeatures(options.valid, history, features, indicatorScore);
    valid = { ...vm, labels: Uint8Array.from(options.valid, (d) => d.labels?.fraud ?? 0) };
  }
  if (!valid) booster.earlyStoppingRounds = 0;
  const bins = prepareBins(matrix, booster.maxBins);
  const model = trainBooster({ ...matrix, labels }, valid, booster, bins);
  const criticalLabels = Uint8Array.from(train, (d) => (d.labels!.critical === 2 ? 1 : 0));
  const critical = { ...defaultRecipe.critical, seed: booster.seed };
  const criticalBooster = criticalLabels.some((y) => y === 1)
    ? trainBooster({ ...matrix, labels: criticalLabels }, undefined, critical, bins)
    : undefined;
  const days = train.map((d) => d.date).sort();
  return {
    format: modelFormat,
    createdAt: new Date().toISOString(),
    recipe: { booster, critical, features },
    training: {
      sources: options.sources ?? [],
      rows: train.length,
      fraud: labels.reduce((a, b) => a + b, 0),
      firstDate: days[0] ?? '',
      lastDate: days[days.length - 1] ?? '',
      validRows: options.valid?.length ?? 0,
    },
    featureNames: [...featureNames],
    featureWeights: options.weights,
    booster: model,
    ...(criticalBooster ? { criticalBooster } : {}),
    history: history.toJSON(),
  };
}
