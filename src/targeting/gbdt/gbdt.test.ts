import { describe, expect, it } from 'vitest';
import { CompiledForest } from './compiled-forest.js';
import { FeatureBinner } from './feature-binner.js';
import {
  bestSplit,
  buildHistogram,
  emptyHistogram,
  histogramStride,
  subtractHistogram,
} from './gradient-histogram.js';
import { featureContributions, predictRawRow, trainBooster } from './gradient-booster.js';
import { seededRandom } from '../../core/seeded-random.js';
import { growTree } from './tree-grower.js';

const noLimits = { lambda: 1, minDataInLeaf: 1, minSumHessianInLeaf: 0, minGainToSplit: 0 };

describe('feature binning', () => {
  it('puts missing values in bin 0 and orders value bins by value', () => {
    const b = FeatureBinner.fit(new Float64Array([3, Number.NaN, 1, 2, 2]), 5, 1);
    expect(b.binOf(0, Number.NaN)).toBe(0);
    expect([1, 2, 3].map((v) => b.binOf(0, v))).toEqual([1, 2, 3]);
    // "bin ≤ 2" is the raw test v ≤ 2.5
    expect(b.thresholdOf(0, 2)).toBe(2.5);
  });

  it('keeps at most 255 value bins for many distinct values', () => {
    const n = 10_000;
    const v = Float64Array.from({ length: n }, (_, i) => i * 0.37);
    const b = FeatureBinner.fit(v, n, 1);
    expect(b.edges[0]!.length).toBeLessThanOrEqual(254);
    const m = b.transform(v, n);
    expect(Math.max(...m.bins)).toBeLessThanOrEqual(255);
    expect(Math.min(...m.bins)).toBe(1);
  });
});

describe('gradient histograms', () => {
  it('parent minus one child equals the other child built directly', () => {
    const rand = seededRandom(3);
    const rows = 200;
    const features = 3;
    const bins = Uint8Array.from({ length: rows * features }, () => Math.floor(rand() * 6));
    const m = { rows, features, bins };
    const grad = Float64Array.from({ length: rows }, () => rand() - 0.5);
    const hess = Float64Array.from({ length: rows }, () => rand());
    const all = Uint32Array.from({ length: rows }, (_, i) => i);
    const fs = [0, 1, 2];
    const parent = emptyHistogram(features);
    buildHistogram(parent, m, all, 0, rows, grad, hess, fs);
    const left = emptyHistogram(features);
    buildHistogram(left, m, all, 0, 80, grad, hess, fs);
    const right = emptyHistogram(features);
    buildHistogram(right, m, all, 80, rows, grad, hess, fs);
    const viaSubtraction = emptyHistogram(features);
    subtractHistogram(viaSubtraction, parent, left, fs);
    for (let s = 0; s < features * histogramStride; s++) expect(viaSubtraction[s]).toBeCloseTo(right[s]!, 10);
  });

  it('finds the split on an obvious threshold', () => {
    // Feature 0 separates the labels at bin 2; feature 1 is noise.
    const rows = 8;
    const bins = new Uint8Array([1, 1, 2, 2, 1, 2, 2, 1, 3, 1, 3, 2, 4, 1, 4, 2]);
    const grad = new Float64Array([1, 1, 1, 1, -1, -1, -1, -1]);
    const hess = new Float64Array(rows).fill(1);
    const hist = emptyHistogram(2);
    buildHistogram(
      hist,
      { rows, features: 2, bins },
      Uint32Array.from({ length: rows }, (_, i) => i),
      0,
      rows,
      grad,
      hess,
      [0, 1],
    );
    const s = bestSplit(hist, [0, 1], [4, 2], 0, 8, rows, noLimits)!;
    expect(s.feature).toBe(0);
    expect(s.bin).toBe(2);
    expect(s.leftCount).toBe(4);
    // G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) = 16/5 + 16/5 − 0
    expect(s.gain).toBeCloseTo(6.4, 10);
  });
});

describe('tree growing', () => {
  it('gives a two-leaf tree the leaf values −G/(H+λ) × learning rate computed by hand', () => {
    const values = new Float64Array([1, 2, 3, 10, 11, 12]);
    const binner = FeatureBinner.fit(values, 6, 1);
    const matrix = binner.transform(values, 6);
    const grad = new Float64Array([0.5, 0.5, 0.25, -0.5, -0.5, -0.75]);
    const hess = new Float64Array([0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
    const tree = growTree(
      {
        matrix,
        grad,
        hess,
        rows: Uint32Array.from([0, 1, 2, 3, 4, 5]),
        features: [0],
        binCounts: [binner.edges[0]!.length + 1],
        thresholdOf: (f, b) => binner.thresholdOf(f, b),
      },
      { ...noLimits, lambda: 2, maxLeaves: 2, maxDepth: 0, learningRate: 0.1 },
    );
    expect(tree.feature).toEqual([0]);
    expect(tree.threshold[0]).toBe(6.5); // midway between 3 and 10
    // left: G = 1.25, H = 0.75 → −1.25 / 2.75 × 0.1; right: G = −1.75, H = 0.75 → 1.75 / 2.75 × 0.1
    expect(tree.leafValue[0]).toBeCloseTo((-1.25 / 2.75) * 0.1, 12);
    expect(tree.leafValue[1]).toBeCloseTo((1.75 / 2.75) * 0.1, 12);
    expect(tree.nodeValue[0]).toBeCloseTo((0.5 / 3.5) * 0.1, 12);
  });

  it('learns where missing values go', () => {
    // Missing values behave like the high group, so they should go right.
    const values = new Float64Array([1, 2, 3, 10, 11, Number.NaN, Number.NaN]);
    const binner = FeatureBinner.fit(values, 7, 1);
    const grad = new Float64Array([1, 1, 1, -1, -1, -1, -1]);
    const tree = growTree(
      {
        matrix: binner.transform(values, 7),
        grad,
        hess: new Float64Array(7).fill(1),
        rows: Uint32Array.from({ length: 7 }, (_, i) => i),
        features: [0],
        binCounts: [binner.edges[0]!.length + 1],
        thresholdOf: (f, b) => binner.thresholdOf(f, b),
      },
      { ...noLimits, maxLeaves: 2, maxDepth: 0, learningRate: 1 },
    );
    expect(tree.missingLeft[0]).toBe(0);
    expect(tree.threshold[0]).toBe(6.5);
  });
});

describe('boosting', () => {
  const rand = seededRandom(11);
  const rows = 600;
  const values = new Float64Array(rows * 2);
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = rand() * 10;
    values[r * 2] = r % 17 === 0 ? Number.NaN : x;
    values[r * 2 + 1] = rand();
    labels[r] = x > 6 ? 1 : rand() < 0.1 ? 1 : 0;
  }
  const set = { values, rows, labels };

  it('separates a learnable label and is reproducible with the same seed', () => {
    const a = trainBooster(set, undefined, { rounds: 30, seed: 5 });
    const b = trainBooster(set, undefined, { rounds: 30, seed: 5 });
    expect(JSON.stringify(a.trees)).toBe(JSON.stringify(b.trees));
    const high = predictRawRow(a, new Float64Array([9, 0.5]), 0);
    const low = predictRawRow(a, new Float64Array([1, 0.5]), 0);
    expect(high).toBeGreaterThan(low + 1);
  });

  it('gives identical scores after a JSON round trip, compiled or not, and contributions sum to the score', () => {
    const model = trainBooster(set, undefined, { rounds: 20 });
    const back = JSON.parse(JSON.stringify(model)) as typeof model;
    const forest = new CompiledForest(back);
    for (let r = 0; r < rows; r += 7) {
      const raw = predictRawRow(model, values, r * 2);
      expect(predictRawRow(back, values, r * 2)).toBe(raw);
      expect(forest.rawScore(values, r * 2)).toBeCloseTo(raw, 12);
      const { bias, contributions } = featureContributions(model, values, r * 2);
      expect(bias + contributions[0]! + contributions[1]!).toBeCloseTo(raw, 10);
    }
  });

  it('stops early when the validation loss stops improving', () => {
    const noise = { values, rows, labels: Uint8Array.from(labels, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0)) };
    const model = trainBooster(set, noise, { rounds: 200, earlyStoppingRounds: 5 });
    expect(model.history.length).toBeLessThan(200);
    expect(model.trees.length).toBe(model.bestRound);
  });
});
