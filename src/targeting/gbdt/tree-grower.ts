/**
 * Grows one regression tree leaf-wise (always splitting the leaf with the largest gain, as
 * LightGBM does) from gradient histograms, building only the smaller child's histogram and
 * getting its sibling by subtraction.
 */
import type { BinnedMatrix } from './feature-binner.js';
import {
  type SplitCandidate,
  type SplitParams,
  bestSplit,
  buildHistogram,
  emptyHistogram,
  histogramStride,
  subtractHistogram,
} from './gradient-histogram.js';
import { type RegressionTree, singleLeafTree } from './regression-tree.js';

export interface GrowParams extends SplitParams {
  maxLeaves: number;
  /** 0 = unlimited. */
  maxDepth: number;
  learningRate: number;
}

interface OpenLeaf {
  start: number;
  end: number;
  grad: number;
  hess: number;
  depth: number;
  hist: Float64Array;
  split: SplitCandidate | undefined;
  /** Internal node that points at this leaf, -1 for the root. */
  parent: number;
  isLeft: boolean;
}

export interface GrowInput {
  matrix: BinnedMatrix;
  grad: Float64Array;
  hess: Float64Array;
  /** Rows used for this tree; reordered in place. */
  rows: Uint32Array;
  /** Features this tree may split on. */
  features: readonly number[];
  /** Highest value bin per feature. */
  binCounts: readonly number[];
  /** Raw threshold for "bin ≤ b" of feature f. */
  thresholdOf: (f: number, bin: number) => number;
  /** Spare histogram buffers kept between trees so each tree does not allocate its own. */
  pool?: Float64Array[];
}

/**
 * Grows one tree. Leaf values are −G/(H+λ) × learning rate.
 * @example growTree({ matrix, grad, hess, rows, features: [0], binCounts: [3], thresholdOf }, params)
 */
export function growTree(input: GrowInput, p: GrowParams): RegressionTree {
  const { matrix, grad, hess, rows, features } = input;
  const pool = input.pool ?? [];
  const takeHistogram = (): Float64Array => {
    const h = pool.pop() ?? emptyHistogram(matrix.features);
    for (const f of features) h.fill(0, f * histogramStride, (f + 1) * histogramStride);
    return h;
  };
  const leafOutput = (g: number, h: number) => (-g / (h + p.lambda)) * p.learningRate;

  let g0 = 0;
  let h0 = 0;
  for (let i = 0; i < rows.length; i++) {
    g0 += grad[rows[i]!]!;
    h0 += hess[rows[i]!]!;
  }
  const rootHist = takeHistogram();
  buildHistogram(rootHist, matrix, rows, 0, rows.length, grad, hess, features);
  const leaves: OpenLeaf[] = [
    {
      start: 0,
      end: rows.length,
      grad: g0,
      hess: h0,
      depth: 0,
      hist: rootHist,
      split: undefined,
      parent: -1,
      isLeft: true,
    },
  ];
  const findSplit = (leaf: OpenLeaf) => {
    if (p.maxDepth > 0 && leaf.depth >= p.maxDepth) return undefined;
    if (leaf.end - leaf.start < 2 * p.minDataInLeaf) return undefined;
    return bestSplit(leaf.hist, features, input.binCounts, leaf.grad, leaf.hess, leaf.end - leaf.start, p);
  };
  leaves[0]!.split = findSplit(leaves[0]!);

  const tree: RegressionTree = singleLeafTree(0);
  tree.leafValue = [];
  while (leaves.length < p.maxLeaves) {
    let pick = -1;
    for (let i = 0; i < leaves.length; i++) {
      const s = leaves[i]!.split;
      if (s && (pick < 0 || s.gain > leaves[pick]!.split!.gain)) pick = i;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const s = leaf.split!;
    const node = tree.feature.length;
    tree.feature.push(s.feature);
    tree.binThreshold.push(s.bin);
    tree.threshold.push(input.thresholdOf(s.feature, s.bin));
    tree.missingLeft.push(s.missingLeft ? 1 : 0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.nodeValue.push(leafOutput(leaf.grad, leaf.hess));
    if (leaf.parent >= 0) (leaf.isLeft ? tree.left : tree.right)[leaf.parent] = node;

    const mid = partitionRows(matrix, rows, leaf.start, leaf.end, s);
    const leftCount = mid - leaf.start;
    const rightCount = leaf.end - mid;
    const smallIsLeft = leftCount <= rightCount;
    const small = takeHistogram();
    buildHistogram(
      small,
      matrix,
      rows,
      smallIsLeft ? leaf.start : mid,
      smallIsLeft ? mid : leaf.end,
      grad,
      hess,
      features,
    );
    const large = leaf.hist;
    subtractHistogram(large, large, small, features);
    const depth = leaf.depth + 1;
    const leftLeaf: OpenLeaf = {
      start: leaf.start,
      end: mid,
      grad: s.leftGrad,
      hess: s.leftHess,
      depth,
      hist: smallIsLeft ? small : large,
      split: undefined,
      parent: node,
      isLeft: true,
    };
    const rightLeaf: OpenLeaf = {
      start: mid,
      end: leaf.end,
      grad: s.rightGrad,
      hess: s.rightHess,
      depth,
      hist: smallIsLeft ? large : small,
      split: undefined,
      parent: node,
      isLeft: false,
    };
    leftLeaf.split = findSplit(leftLeaf);
    rightLeaf.split = findSplit(rightLeaf);
    leaves.splice(pick, 1, leftLeaf, rightLeaf);
  }
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    tree.leafValue.push(leafOutput(leaf.grad, leaf.hess));
    if (leaf.parent >= 0) (leaf.isLeft ? tree.left : tree.right)[leaf.parent] = ~i;
    pool.push(leaf.hist);
  }
  return tree;
}

/** Moves the rows going left to the front of [start, end); returns the first right row's position. */
function partitionRows(
  matrix: BinnedMatrix,
  rows: Uint32Array,
  start: number,
  end: number,
  s: SplitCandidate,
): number {
  const { bins, features: width } = matrix;
  let i = start;
  let j = end - 1;
  const goesLeft = (r: number) => {
    const b = bins[r * width + s.feature]!;
    return b === 0 ? s.missingLeft : b <= s.bin;
  };
  while (i <= j) {
    if (goesLeft(rows[i]!)) i++;
    else {
      const t = rows[i]!;
      rows[i] = rows[j]!;
      rows[j] = t;
      j--;
    }
  }
  return i;
}
