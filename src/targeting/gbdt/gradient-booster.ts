/**
 * Gradient-boosted decision trees for a binary label (logloss), histogram-based like LightGBM:
 * binned features, leaf-wise trees, L2 regularisation, row and feature subsampling from a seeded
 * generator, and early stopping on a validation set. The trained model is plain JSON.
 */
import { type BinnedMatrix, FeatureBinner } from './feature-binner.js';
import { addPathContributions, leafOfBins, leafOfRaw, type RegressionTree } from './regression-tree.js';
import { seededRandom } from '../../core/seeded-random.js';
import { shuffledIndices } from './seeded-rng.js';
import { type GrowParams, growTree } from './tree-grower.js';

export interface BoosterParams extends GrowParams {
  rounds: number;
  /** Share of rows drawn (without replacement) for each tree. */
  rowSample: number;
  /** Share of features each tree may use. */
  featureSample: number;
  /** Stop when the validation logloss has not improved for this many rounds (0 = off). */
  earlyStoppingRounds: number;
  maxBins: number;
  seed: number;
}

export const defaultBoosterParams: BoosterParams = {
  rounds: 300,
  learningRate: 0.05,
  maxLeaves: 31,
  maxDepth: 0,
  minDataInLeaf: 20,
  minSumHessianInLeaf: 1e-3,
  minGainToSplit: 0,
  lambda: 1,
  rowSample: 0.8,
  featureSample: 0.8,
  earlyStoppingRounds: 50,
  maxBins: 255,
  seed: 1,
};

/** The serialisable model: bias in log-odds, the binning edges and the trees. */
export interface BoosterModel {
  featureCount: number;
  baseScore: number;
  edges: number[][];
  trees: RegressionTree[];
  bestRound: number;
  history: { round: number; trainLoss: number; validLoss?: number }[];
}

export interface TrainingSet {
  /** Row-major raw values, NaN = missing. */
  values: Float64Array;
  rows: number;
  labels: Uint8Array;
}

/** Binning edges and the binned training matrix, reusable by several boosters on the same rows. */
export interface PreparedBins {
  binner: FeatureBinner;
  matrix: BinnedMatrix;
}

/** Fits the binning on a training set and bins it (the costly first step of training). */
export function prepareBins(
  train: Pick<TrainingSet, 'values' | 'rows'>,
  maxBins = defaultBoosterParams.maxBins,
): PreparedBins {
  const features = train.values.length / Math.max(1, train.rows);
  const binner = FeatureBinner.fit(train.values, train.rows, features, maxBins);
  return { binner, matrix: binner.transform(train.values, train.rows) };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Trains a booster; with `valid`, keeps the round with the lowest validation logloss.
 * @example const model = trainBooster({ values, rows, labels }, undefined, { rounds: 50 })
 */
export function trainBooster(
  train: TrainingSet,
  valid: TrainingSet | undefined,
  params: Partial<BoosterParams> = {},
  bins?: PreparedBins,
): BoosterModel {
  const p = { ...defaultBoosterParams, ...params };
  const features = train.values.length / Math.max(1, train.rows);
  const { binner, matrix } = bins ?? prepareBins(train, p.maxBins);
  const validMatrix = valid ? binner.transform(valid.values, valid.rows) : undefined;
  const binCounts = binner.edges.map((e) => e.length + 1);
  const rand = seededRandom(p.seed);

  let positives = 0;
  for (const y of train.labels) positives += y;
  const rate = Math.min(Math.max(positives / Math.max(1, train.rows), 1e-6), 1 - 1e-6);
  const baseScore = Math.log(rate / (1 - rate));
  const score = new Float64Array(train.rows).fill(baseScore);
  const validScore = valid ? new Float64Array(valid.rows).fill(baseScore) : undefined;
  const grad = new Float64Array(train.rows);
  const hess = new Float64Array(train.rows);
  const trees: RegressionTree[] = [];
  const history: BoosterModel['history'] = [];
  let bestRound = 0;
  let bestLoss = Number.POSITIVE_INFINITY;
  const sampleSize = Math.max(1, Math.round(train.rows * p.rowSample));
  const featureTake = Math.max(1, Math.round(features * p.featureSample));
  const pool: Float64Array[] = [];

  for (let round = 1; round <= p.rounds; round++) {
    for (let r = 0; r < train.rows; r++) {
      const prob = sigmoid(score[r]!);
      grad[r] = prob - train.labels[r]!;
      hess[r] = Math.max(prob * (1 - prob), 1e-16);
    }
    const rows =
      p.rowSample < 1
        ? shuffledIndices(train.rows, rand).slice(0, sampleSize)
        : shuffledIndices(train.rows, rand);
    const chosen =
      p.featureSample < 1
        ? Array.from(shuffledIndices(features, rand).subarray(0, featureTake)).sort((a, b) => a - b)
        : Array.from({ length: features }, (_, i) => i);
    const tree = growTree(
      {
        matrix,
        grad,
        hess,
        rows,
        features: chosen,
        binCounts,
        thresholdOf: (f, b) => binner.thresholdOf(f, b),
        pool,
      },
      p,
    );
    trees.push(tree);
    addTreeToScores(tree, matrix, score);
    const entry: BoosterModel['history'][number] = { round, trainLoss: logloss(score, train.labels) };
    if (valid && validMatrix && validScore) {
      addTreeToScores(tree, validMatrix, validScore);
      entry.validLoss = logloss(validScore, valid.labels);
      if (entry.validLoss < bestLoss - 1e-9) {
        bestLoss = entry.validLoss;
        bestRound = round;
      } else if (p.earlyStoppingRounds > 0 && round - bestRound >= p.earlyStoppingRounds) {
        history.push(entry);
        break;
      }
    } else bestRound = round;
    history.push(entry);
  }
  return {
    featureCount: features,
    baseScore,
    edges: binner.edges.map((e) => Array.from(e)),
    trees: trees.slice(0, bestRound),
    bestRound,
    history,
  };
}

function addTreeToScores(tree: RegressionTree, matrix: BinnedMatrix, score: Float64Array): void {
  const w = matrix.features;
  for (let r = 0; r < matrix.rows; r++)
    score[r] = score[r]! + tree.leafValue[leafOfBins(tree, matrix.bins, r * w)]!;
}

/** Mean binary logloss of raw (log-odds) scores. */
export function logloss(score: Float64Array, labels: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < score.length; i++) {
    const prob = Math.min(Math.max(sigmoid(score[i]!), 1e-15), 1 - 1e-15);
    sum -= labels[i] ? Math.log(prob) : Math.log(1 - prob);
  }
  return sum / Math.max(1, score.length);
}

/** Raw log-odds for one row of raw values at `offset`. */
export function predictRawRow(model: BoosterModel, values: Float64Array, offset: number): number {
  let s = model.baseScore;
  for (const tree of model.trees) s += tree.leafValue[leafOfRaw(tree, values, offset)]!;
  return s;
}

/**
 * Per-feature log-odds contributions of one row (Saabas path attribution); `bias` + Σ
 * contributions equals the raw score.
 */
export function featureContributions(
  model: BoosterModel,
  values: Float64Array,
  offset: number,
): { bias: number; contributions: Float64Array } {
  const contributions = new Float64Array(model.featureCount);
  let bias = model.baseScore;
  for (const tree of model.trees) bias += addPathContributions(tree, values, offset, contributions);
  return { bias, contributions };
}
