import { describe, expect, it } from 'vitest';
import { median, robustCentre } from './robust-baseline.js';

describe('median', () => {
  it('is the middle value, or the mean of the two middle values, whatever the order and ties', () => {
    const random = (seed: number) => () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const next = random(7);
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(next() * 80);
      const values = Array.from({ length: n }, () => (next() < 0.3 ? Math.floor(next() * 4) : next()));
      const sorted = [...values].sort((a, b) => a - b);
      const expected = n % 2 ? sorted[n >> 1]! : (sorted[(n >> 1) - 1]! + sorted[n >> 1]!) / 2;
      expect(median(Float64Array.from(values))).toBe(expected);
      expect(median([...values])).toBe(expected);
    }
    expect(median([])).toBeNaN();
  });

  it('gives the scaled MAD beside the median', () => {
    expect(robustCentre([1, 2, 3, 4, 100])).toEqual({ median: 3, scale: 1.4826 });
  });
});
