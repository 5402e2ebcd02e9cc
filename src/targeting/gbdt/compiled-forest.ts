/**
 * All trees of a model packed into a few typed arrays, for fast scoring: one node layout,
 * no per-tree objects on the hot path.
 */
import type { BoosterModel } from './gradient-booster.js';

export class CompiledForest {
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  /** 1 when a missing value goes right (the stored flag is missingLeft). */
  private readonly missingRight: Int32Array;
  /** Child pointers, left at 2·node and right at 2·node + 1: ≥ 0 a node, < 0 the global leaf ~child. */
  private readonly children: Int32Array;
  private readonly leafValue: Float64Array;
  /** Value of each inner node (for attributions: a split credits its feature with the change). */
  private readonly nodeValue: Float64Array;
  /** Root per tree: a node index, or ~leaf for single-leaf trees. */
  private readonly roots: Int32Array;
  private readonly baseScore: number;

  constructor(model: BoosterModel) {
    let nodes = 0;
    let leaves = 0;
    for (const t of model.trees) {
      nodes += t.feature.length;
      leaves += t.leafValue.length;
    }
    this.feature = new Int32Array(nodes);
    this.threshold = new Float64Array(nodes);
    this.missingRight = new Int32Array(nodes);
    this.children = new Int32Array(2 * nodes);
    this.leafValue = new Float64Array(leaves);
    this.nodeValue = new Float64Array(nodes);
    this.roots = new Int32Array(model.trees.length);
    this.baseScore = model.baseScore;
    let n0 = 0;
    let l0 = 0;
    const relink = (c: number) => (c < 0 ? ~(~c + l0) : c + n0);
    model.trees.forEach((t, i) => {
      for (let j = 0; j < t.feature.length; j++) {
        this.feature[n0 + j] = t.feature[j]!;
        // JSON turns Infinity into null: a missing threshold means "every value goes left".
        this.threshold[n0 + j] = t.threshold[j] ?? Number.POSITIVE_INFINITY;
        this.nodeValue[n0 + j] = t.nodeValue[j]!;
        this.missingRight[n0 + j] = t.missingLeft[j] === 1 ? 0 : 1;
        this.children[2 * (n0 + j)] = relink(t.left[j]!);
        this.children[2 * (n0 + j) + 1] = relink(t.right[j]!);
      }
      for (let j = 0; j < t.leafValue.length; j++) this.leafValue[l0 + j] = t.leafValue[j]!;
      this.roots[i] = t.feature.length === 0 ? ~l0 : n0;
      n0 += t.feature.length;
      l0 += t.leafValue.length;
    });
  }

  /**
   * Raw log-odds of the row at `values[offset..]`.
   * @example new CompiledForest(model).rawScore(row, 0)
   */
  rawScore(values: Float64Array, offset: number): number {
    const { feature, threshold, missingRight, children, leafValue, roots } = this;
    let s = this.baseScore;
    const n = roots.length;
    let t = 0;
    // Two trees at a time: each walk is a chain of dependent loads, and two independent chains
    // let the CPU overlap their latencies.
    for (; t + 1 < n; t += 2) {
      let a = roots[t]!;
      let b = roots[t + 1]!;
      while (a >= 0 && b >= 0) {
        const va = values[offset + feature[a]!]!;
        const vb = values[offset + feature[b]!]!;
        a = children[2 * a + (+(va > threshold[a]!) | (+Number.isNaN(va) & missingRight[a]!))]!;
        b = children[2 * b + (+(vb > threshold[b]!) | (+Number.isNaN(vb) & missingRight[b]!))]!;
      }
      while (a >= 0) {
        const v = values[offset + feature[a]!]!;
        a = children[2 * a + (+(v > threshold[a]!) | (+Number.isNaN(v) & missingRight[a]!))]!;
      }
      while (b >= 0) {
        const v = values[offset + feature[b]!]!;
        b = children[2 * b + (+(v > threshold[b]!) | (+Number.isNaN(v) & missingRight[b]!))]!;
      }
      s += leafValue[~a]!;
      s += leafValue[~b]!;
    }
    for (; t < n; t++) {
      let a = roots[t]!;
      while (a >= 0) {
        const v = values[offset + feature[a]!]!;
        a = children[2 * a + (+(v > threshold[a]!) | (+Number.isNaN(v) & missingRight[a]!))]!;
      }
      s += leafValue[~a]!;
    }
    return s;
  }

  /**
   * Saabas attribution of the row at `values[offset..]`, added into `contrib` (one slot per
   * feature): each split on the row's path credits its feature with the change in node value.
   * Returns the bias (base score plus every tree's root value), so bias + Σ contrib = raw score.
   * Same sums in the same order as `featureContributions` over the model's trees.
   */
  addContributions(values: Float64Array, offset: number, contrib: Float64Array): number {
    const { feature, threshold, missingRight, children, leafValue, nodeValue, roots } = this;
    let bias = this.baseScore;
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      if (root < 0) {
        bias += leafValue[~root]!;
        continue;
      }
      let node = root;
      for (;;) {
        const f = feature[node]!;
        const v = values[offset + f]!;
        const next =
          children[2 * node + (+(v > threshold[node]!) | (+Number.isNaN(v) & missingRight[node]!))]!;
        const nextValue = next < 0 ? leafValue[~next]! : nodeValue[next]!;
        contrib[f] = contrib[f]! + nextValue - nodeValue[node]!;
        if (next < 0) break;
        node = next;
      }
      bias += nodeValue[root]!;
    }
    return bias;
  }
}
