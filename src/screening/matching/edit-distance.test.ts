import { describe, expect, it } from 'vitest';
import { areConfusable, editDistance } from './edit-distance.js';

/** Plain full-matrix optimal string alignment distance, the definition the fast version must keep. */
function referenceDistance(a: string, b: string, confusable: (x: string, y: string) => boolean): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i]![j] = i + j;
        continue;
      }
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const sub = x === y ? 0 : confusable(x, y) ? 0.5 : 1;
      let best = Math.min(d[i - 1]![j - 1]! + sub, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y && x !== y)
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A small deterministic generator, so a failure can be replayed. */
function randomStrings(seed: number, count: number, alphabet: string): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 11);
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

describe('editDistance', () => {
  it('counts a confusable substitution as half an edit and a transposition as one', () => {
    expect(editDistance('ig0r', 'igor')).toBe(0.5);
    expect(editDistance('vasquez', 'basques')).toBe(1);
    expect(editDistance('anglea', 'angela')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('agrees with the plain full-matrix definition, with and without a limit', () => {
    const words = randomStrings(7, 400, 'aeiouyckszvb0rt');
    for (let k = 0; k + 1 < words.length; k += 2) {
      const a = words[k]!;
      const b = words[k + 1]!;
      for (const w of [a, `${a}${b}`, `${b.slice(0, 3)}${a}`]) {
        const expected = referenceDistance(w, b, areConfusable);
        expect(editDistance(w, b)).toBe(expected);
        for (const limit of [0, 0.5, 1, 1.5, 2, 3, 4.5]) {
          const got = editDistance(w, b, limit);
          if (expected <= limit) expect(got).toBe(expected);
          else expect(got).toBeGreaterThan(limit);
        }
      }
    }
  });
});
