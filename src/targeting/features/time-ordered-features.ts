/**
 * Feature rows for training without leakage: declarations are taken day by day in date order,
 * each day's rows are encoded from the history of strictly earlier days only, and then the day's
 * labels join the history. Rows of the same day never see each other's labels.
 */
import type { Declaration } from '../declaration.js';
import { type FeatureOptions, featureNames, writeFeatures } from './declaration-features.js';
import { DeclarationHistory } from './declaration-history.js';

export interface FeatureMatrix {
  /** Row-major, `featureNames.length` columns, rows in the order of the input declarations. */
  values: Float64Array;
  rows: number;
}

/** Scores a declaration against a history (the indicator score feature); 0 when unused. */
export type HistoryScorer = (d: Declaration, history: DeclarationHistory) => number;

/**
 * Encodes labelled declarations in time order and returns the rows and the full history after
 * the last day (what a model trained on them keeps for scoring).
 * @example const { matrix, history } = timeOrderedFeatures(train, defaultFeatureOptions)
 */
export function timeOrderedFeatures(
  declarations: readonly Declaration[],
  options: FeatureOptions,
  indicatorScore: HistoryScorer = () => 0,
  history = new DeclarationHistory(),
): { matrix: FeatureMatrix; history: DeclarationHistory } {
  const width = featureNames.length;
  const values = new Float64Array(declarations.length * width);
  const order = declarations.map((_, i) => i).sort((a, b) => declarations[a]!.day - declarations[b]!.day);
  let i = 0;
  while (i < order.length) {
    const day = declarations[order[i]!]!.day;
    let j = i;
    while (j < order.length && declarations[order[j]!]!.day === day) j++;
    for (let k = i; k < j; k++) {
      const r = order[k]!;
      const d = declarations[r]!;
      writeFeatures(d, history, indicatorScore(d, history), values, r * width, options);
    }
    for (let k = i; k < j; k++) history.add(declarations[order[k]!]!);
    i = j;
  }
  return { matrix: { values, rows: declarations.length }, history };
}

/** Encodes declarations to score against a fixed history (no labels used, none added). */
export function historyFeatures(
  declarations: readonly Declaration[],
  history: DeclarationHistory,
  options: FeatureOptions,
  indicatorScore: HistoryScorer = () => 0,
): FeatureMatrix {
  const width = featureNames.length;
  const values = new Float64Array(declarations.length * width);
  declarations.forEach((d, r) => {
    writeFeatures(d, history, indicatorScore(d, history), values, r * width, options);
  });
  return { values, rows: declarations.length };
}
