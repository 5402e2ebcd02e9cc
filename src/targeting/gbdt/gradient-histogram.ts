/**
 * Gradient/hessian histograms per feature and bin — the data structure that makes histogram
 * boosting fast — and the search for the best split of one leaf over them.
 */
import type { BinnedMatrix } from './feature-binner.js';

/** Slots per feature: 256 bins × (sum of gradients, sum of hessians, row count). */
export const histogramStride = 256 * 3;

/** A fresh, zeroed histogram for `features` features. */
export function emptyHistogram(features: number): Float64Array {
  return new Float64Array(features * histogramStride);
}

/**
 * Adds the rows `rows[start..end)` into `hist` for the listed features.
 * @example buildHistogram(h, m, rows, 0, rows.length, grad, hess, [0, 1])
 */
export function buildHistogram(
  hist: Float64Array,
  matrix: BinnedMatrix,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: readonly number[],
): void {
  const { bins, features: width } = matrix;
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const base = r * width;
    const g = grad[r]!;
    const h = hess[r]!;
    for (let k = 0; k < nf; k++) {
      const f = features[k]!;
      const slot = f * histogramStride + bins[base + f]! * 3;
      hist[slot]! += g;
      hist[slot + 1]! += h;
      hist[slot + 2]!++;
    }
  }
}

/** out = parent − child for the listed features: the sibling's histogram without touching its rows. */
export function subtractHistogram(
  out: Float64Array,
  parent: Float64Array,
  child: Float64Array,
  features: readonly number[],
): void {
  for (const f of features) {
    const from = f * histogramStride;
    for (let s = from; s < from + histogramStride; s++) out[s] = parent[s]! - child[s]!;
  }
}

export interface SplitParams {
  lambda: number;
  minDataInLeaf: number;
  minSumHessianInLeaf: number;
  minGainToSplit: number;
}

export interface SplitCandidate {
  feature: number;
  /** Rows with bin ≤ bin (value bins only) go left. */
  bin: number;
  /** Where the missing-value bin goes. */
  missingLeft: boolean;
  gain: number;
  leftGrad: number;
  leftHess: number;
  leftCount: number;
  rightGrad: number;
  rightHess: number;
  rightCount: number;
}

/**
 * Best split of a leaf whose totals are (G, H, N), trying both directions for missing values.
 * Gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) (the constant ½ is dropped). Undefined when no
 * split passes the minimums.
 */
export function bestSplit(
  hist: Float64Array,
  features: readonly number[],
  binCounts: readonly number[],
  totalGrad: number,
  totalHess: number,
  totalCount: number,
  p: SplitParams,
): SplitCandidate | undefined {
  let best: SplitCandidate | undefined;
  const parentScore = (totalGrad * totalGrad) / (totalHess + p.lambda);
  for (const f of features) {
    const base = f * histogramStride;
    const lastBin = binCounts[f]!;
    const mg = hist[base]!;
    const mh = hist[base + 1]!;
    const mc = hist[base + 2]!;
    for (let pass = 0; pass < 2; pass++) {
      const missingLeft = pass === 1;
      if (missingLeft && mc === 0) break;
      let gl = missingLeft ? mg : 0;
      let hl = missingLeft ? mh : 0;
      let cl = missingLeft ? mc : 0;
      for (let b = 1; b < lastBin; b++) {
        const s = base + b * 3;
        gl += hist[s]!;
        hl += hist[s + 1]!;
        cl += hist[s + 2]!;
        const cr = totalCount - cl;
        if (cl < p.minDataInLeaf || hl < p.minSumHessianInLeaf) continue;
        if (cr < p.minDataInLeaf) break;
        const gr = totalGrad - gl;
        const hr = totalHess - hl;
        if (hr < p.minSumHessianInLeaf) continue;
        const gain = (gl * gl) / (hl + p.lambda) + (gr * gr) / (hr + p.lambda) - parentScore;
        if (gain > p.minGainToSplit && (!best || gain > best.gain)) {
          best = {
            feature: f,
            bin: b,
            missingLeft,
            gain,
            leftGrad: gl,
            leftHess: hl,
            leftCount: cl,
            rightGrad: gr,
            rightHess: hr,
            rightCount: cr,
          };
        }
      }
    }
  }
  return best;
}
