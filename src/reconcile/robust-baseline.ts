/**
 * What is normal for a ratio between the two ledgers, learnt from the matched records themselves:
 * the median and MAD of log ratios per key (party pair × HS6, country pair × HS6, HS6, everything),
 * so a gap is judged against its own history rather than a fixed percentage, and the diverted
 * shipments being looked for barely move it (the median and MAD ignore a minority of outliers).
 */

export interface Baseline {
  /** Which history: 'party pair × HS6', 'country pair × HS6', 'HS6' or 'all'. */
  level: string;
  median: number;
  /** 1.4826 × MAD: the standard deviation were the ratios normal. */
  scale: number;
  groups: number;
}

/**
 * Median of a numeric array (reordered in place). Selection, not a sort: the baselines take the
 * median of a million ratios several times over.
 */
export function median(values: Float64Array | number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2) return upper;
  // The lower middle is the largest value left of `mid` once `mid` is in place.
  let lower = values[0]!;
  for (let k = 1; k < mid; k++) if (values[k]! > lower) lower = values[k]!;
  return (lower + upper) / 2;
}

/** The k-th smallest value (0-based), with smaller values before k and larger after (Hoare's selection). */
function select(a: Float64Array | number[], k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot: sorted or constant runs stay linear.
    const m = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[m]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median and scaled MAD of the values. */
export function robustCentre(values: number[]): { median: number; scale: number } {
  const m = median(Float64Array.from(values));
  const deviations = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) deviations[k] = Math.abs(values[k]! - m);
  return { median: m, scale: 1.4826 * median(deviations) };
}

/**
 * Log ratios collected under several keys, from the most specific level to the broadest; the
 * baseline of an observation is the most specific level with enough history. Keys are interned
 * once per observation (`keyIds`), so a million observations do not rebuild strings.
 *
 * @example
 * const b = new BaselineBook(['party pair × HS6', 'HS6'], 12);
 * const ids = b.keyIds(['acme|nube|854231', '854231']);
 * b.add(ids, Math.log(0.98));
 * b.finish();
 * b.baselineOf(ids); // { level: 'HS6', median: …, … } once 12 groups exist
 */
export class BaselineBook {
  private readonly ids: Array<Map<string | number, number>>;
  private readonly values: number[][][];
  private readonly centres: Array<Array<Baseline | undefined>>;

  constructor(
    private readonly levels: readonly string[],
    private readonly minGroups: number,
  ) {
    this.ids = levels.map(() => new Map());
    this.values = levels.map(() => []);
    this.centres = levels.map(() => []);
  }

  /** One id per level for the keys of an observation. */
  keyIds(keys: readonly (string | number)[]): Int32Array {
    const out = new Int32Array(this.levels.length);
    for (let l = 0; l < this.levels.length; l++) {
      const map = this.ids[l]!;
      let id = map.get(keys[l]!);
      if (id === undefined) {
        id = map.size;
        map.set(keys[l]!, id);
        this.values[l]!.push([]);
      }
      out[l] = id;
    }
    return out;
  }

  add(ids: Int32Array, logRatio: number): void {
    if (!Number.isFinite(logRatio)) return;
    for (let l = 0; l < this.levels.length; l++) this.values[l]![ids[l]!]!.push(logRatio);
  }

  finish(): void {
    for (let l = 0; l < this.levels.length; l++) {
      const last = l === this.levels.length - 1;
      const lists = this.values[l]!;
      const centres = this.centres[l]!;
      for (let id = 0; id < lists.length; id++) {
        const list = lists[id]!;
        if (list.length === 0 || (list.length < this.minGroups && !last)) continue;
        const { median: m, scale } = robustCentre(list);
        centres[id] = { level: this.levels[l]!, median: m, scale, groups: list.length };
      }
      this.values[l] = [];
    }
  }

  baselineOf(ids: Int32Array): Baseline | undefined {
    for (let l = 0; l < this.levels.length; l++) {
      const b = this.centres[l]![ids[l]!];
      if (b) return b;
    }
    return undefined;
  }
}
