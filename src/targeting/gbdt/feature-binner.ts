/**
 * Quantile binning of raw feature values into at most 255 value bins plus bin 0 for missing
 * values, as LightGBM does: trees then split on small integers held in one Uint8Array.
 */

/** Bin 0 holds missing values (NaN); value bins are 1..edges.length+1. */
export const missingBin = 0;
export const maxValueBins = 255;

export interface BinnedMatrix {
  rows: number;
  features: number;
  /** Row-major: bin of row r, feature f at `r * features + f`. */
  bins: Uint8Array;
}

/**
 * Per-feature upper edges: a value v falls in bin 1 + (number of edges < v), i.e. bin b (b ≥ 1)
 * holds edges[b-2] < v ≤ edges[b-1]. A split "bin ≤ b" is therefore the raw test v ≤ edges[b-1].
 */
export class FeatureBinner {
  constructor(readonly edges: Float64Array[]) {}

  get featureCount(): number {
    return this.edges.length;
  }

  /**
   * Learns edges from a row-major matrix of raw values (NaN = missing).
   * @example FeatureBinner.fit(new Float64Array([1, 2, NaN]), 3, 1).binOf(0, NaN) // 0
   */
  static fit(values: Float64Array, rows: number, features: number, maxBins = maxValueBins): FeatureBinner {
    const edges: Float64Array[] = [];
    const column = new Float64Array(rows);
    for (let f = 0; f < features; f++) {
      let n = 0;
      for (let r = 0; r < rows; r++) {
        const v = values[r * features + f]!;
        if (!Number.isNaN(v)) column[n++] = v;
      }
      edges.push(quantileEdges(column.subarray(0, n).slice().sort(), maxBins));
    }
    return new FeatureBinner(edges);
  }

  /** The bin of one raw value of feature f. */
  binOf(f: number, v: number): number {
    if (Number.isNaN(v)) return missingBin;
    const e = this.edges[f]!;
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (e[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** Bins a row-major matrix of raw values with these edges. */
  transform(values: Float64Array, rows: number): BinnedMatrix {
    const features = this.featureCount;
    const bins = new Uint8Array(rows * features);
    for (let r = 0; r < rows; r++)
      for (let f = 0; f < features; f++) bins[r * features + f] = this.binOf(f, values[r * features + f]!);
    return { rows, features, bins };
  }

  /** The raw threshold equivalent to the split "bin ≤ b" (b ≥ 1). */
  thresholdOf(f: number, bin: number): number {
    const e = this.edges[f]!;
    return bin - 1 < e.length ? e[bin - 1]! : Number.POSITIVE_INFINITY;
  }
}

/** Cut points between distinct sorted values: midpoints, thinned to quantiles when there are too many. */
function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  if (distinct.length <= 1) return new Float64Array(0);
  if (distinct.length <= maxBins) {
    const out = new Float64Array(distinct.length - 1);
    for (let i = 0; i < out.length; i++) out[i] = (distinct[i]! + distinct[i + 1]!) / 2;
    return out;
  }
  // Too many distinct values: close a bin each time it has collected its share of the rows.
  const perBin = sorted.length / maxBins;
  const out: number[] = [];
  let inBin = 0;
  for (let i = 0; i < distinct.length - 1 && out.length < maxBins - 1; i++) {
    inBin += counts[i]!;
    if (inBin >= perBin) {
      out.push((distinct[i]! + distinct[i + 1]!) / 2);
      inBin = 0;
    }
  }
  return Float64Array.from(out);
}
