/**
 * All trees of a model packed into a few typed arrays, for fast scoring: one node layout,
 * no per-tree objects on the hot path.
 */
import type { BoosterModel } from './gradient-booster.js';

export class CompiledForest {
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly missingLeft: Uint8Array;
  /** Child pointers: ≥ 0 a node in the global arrays, < 0 the global leaf ~child. */
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly leafValue: Float64Array;
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
    this.missingLeft = new Uint8Array(nodes);
    this.left = new Int32Array(nodes);
    this.right = new Int32Array(nodes);
    this.leafValue = new Float64Array(leaves);
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
        this.missingLeft[n0 + j] = t.missingLeft[j]!;
        this.left[n0 + j] = relink(t.left[j]!);
        this.right[n0 + j] = relink(t.right[j]!);
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
    const { feature, threshold, missingLeft, left, right, leafValue, roots } = this;
    let s = this.baseScore;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      while (node >= 0) {
        const v = values[offset + feature[node]!]!;
        node = (Number.isNaN(v) ? missingLeft[node] === 1 : v <= threshold[node]!)
          ? left[node]!
          : right[node]!;
      }
      s += leafValue[~node]!;
    }
    return s;
  }
}
