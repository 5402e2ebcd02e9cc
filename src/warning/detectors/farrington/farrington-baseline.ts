/**
 * Which past periods form the Farrington baseline for one evaluated period, and in which seasonal
 * block each falls — R's `blocks()` and `algo.farrington.data.glm()`: windows of ±w around the same
 * week in each of b past years (level `noPeriods`), the stretches between windows cut into
 * `noPeriods − 1` blocks, and the most recent `pastWeeksNotIncluded` periods left out.
 */
import type { FarringtonSettings } from './farrington-settings.js';

export interface FarringtonBaseline {
  /** 0-based series indices of the baseline periods, ascending. */
  indices: number[];
  /** Seasonal level (1..noPeriods) of each baseline period. */
  levels: number[];
}

/**
 * @param t 0-based index of the evaluated period.
 * @returns null when the series has fewer than b years of history before `t`.
 */
export function farringtonBaseline(t: number, s: FarringtonSettings): FarringtonBaseline | null {
  // Work in R's 1-based positions so the block boundaries are exactly R's.
  const k = t + 1;
  const p = s.noPeriods;
  const oldest = k - s.frequency * s.b - s.w;
  if (oldest < 1) return null;
  // factors[position − oldest] = seasonal level, 0 = not in the baseline.
  const factors = new Int32Array(k - oldest + 1);
  const set = (position: number, level: number) => {
    factors[position - oldest] = level;
  };
  for (let i = k - s.w; i <= k; i++) set(i, p);
  for (let i = 1; i <= s.b; i++) {
    const newerRef = k - s.frequency * (i - 1);
    const ref = k - s.frequency * i;
    for (let j = ref - s.w; j <= ref + s.w; j++) set(j, p);
    if (p !== 1) {
      const period = newerRef - 2 * s.w - 1 - ref;
      if (period < p - 1) throw new Error(`noPeriods ${p} is too many for ${period} periods between windows`);
      const base = Math.floor(period / (p - 1));
      const rest = period % (p - 1);
      let start = ref + s.w + 1;
      for (let level = 1; level <= p - 1; level++) {
        const length = base + (level <= rest ? 1 : 0);
        for (let j = start; j < start + length; j++) set(j, level);
        start += length;
      }
    }
  }
  const indices: number[] = [];
  const levels: number[] = [];
  const lastIncluded = k - s.pastWeeksNotIncluded - 1;
  for (let position = oldest; position <= lastIncluded; position++) {
    const level = factors[position - oldest]!;
    if (level === 0) continue;
    indices.push(position - 1);
    levels.push(level);
  }
  return { indices, levels };
}
