/**
 * One regression tree of the boosted model, stored as flat arrays so it serialises to JSON as is
 * and predicts without allocating. Internal nodes keep their own value (−G/(H+λ) of the rows that
 * reached them) so a prediction can be split into per-feature contributions (Saabas).
 */

export interface RegressionTree {
  /** Split feature per internal node. */
  feature: number[];
  /** Raw-value threshold: value ≤ threshold goes left. */
  threshold: number[];
  /** Same split in bin space (bin ≤ binThreshold goes left), used while training. */
  binThreshold: number[];
  /** 1 when missing values go left. */
  missingLeft: number[];
  /** Child indices: ≥ 0 an internal node, < 0 the leaf ~child. */
  left: number[];
  right: number[];
  /** Value of each internal node (already multiplied by the learning rate). */
  nodeValue: number[];
  /** Output of each leaf (already multiplied by the learning rate). */
  leafValue: number[];
}

/** A tree with a single leaf. */
export function singleLeafTree(value: number): RegressionTree {
  return {
    feature: [],
    threshold: [],
    binThreshold: [],
    missingLeft: [],
    left: [],
    right: [],
    nodeValue: [],
    leafValue: [value],
  };
}

/** The leaf a row of raw values (row-major at `offset`) falls into. */
export function leafOfRaw(tree: RegressionTree, values: Float64Array, offset: number): number {
  if (tree.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const v = values[offset + tree.feature[node]!]!;
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]!;
    const next = goLeft ? tree.left[node]! : tree.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}

/** The leaf a binned row (bins at `offset`) falls into; bin 0 is missing. */
export function leafOfBins(tree: RegressionTree, bins: Uint8Array, offset: number): number {
  if (tree.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const b = bins[offset + tree.feature[node]!]!;
    const goLeft = b === 0 ? tree.missingLeft[node] === 1 : b <= tree.binThreshold[node]!;
    const next = goLeft ? tree.left[node]! : tree.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}

/**
 * Adds this tree's Saabas attribution of one raw row into `contrib` (length = feature count):
 * each split credits its feature with the change in node value along the row's path. Returns the
 * root value (the tree's share of the bias), so bias + Σ contrib equals the tree's output.
 */
export function addPathContributions(
  tree: RegressionTree,
  values: Float64Array,
  offset: number,
  contrib: Float64Array,
): number {
  if (tree.feature.length === 0) return tree.leafValue[0]!;
  let node = 0;
  for (;;) {
    const f = tree.feature[node]!;
    const v = values[offset + f]!;
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]!;
    const next = goLeft ? tree.left[node]! : tree.right[node]!;
    const nextValue = next < 0 ? tree.leafValue[~next]! : tree.nodeValue[next]!;
    contrib[f] = contrib[f]! + nextValue - tree.nodeValue[node]!;
    if (next < 0) return tree.nodeValue[0]!;
    node = next;
  }
}
