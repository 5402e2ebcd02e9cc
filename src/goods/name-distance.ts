/**
 * Edit distance for chemical names: optimal string alignment (insertions, deletions,
 * substitutions, adjacent transpositions cost one), stopped early past a small limit, since only
 * one or two slips are ever accepted as a misspelling.
 */

let row0 = new Int32Array(64);
let row1 = new Int32Array(64);
let row2 = new Int32Array(64);

/**
 * The distance between `a` and `b`, or `limit + 1` when it is larger than `limit`.
 *
 * @example
 * boundedEditDistance('acetone', 'acteone', 2); // 1 (a transposition)
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (row0.length <= n) {
    row0 = new Int32Array(n + 1);
    row1 = new Int32Array(n + 1);
    row2 = new Int32Array(n + 1);
  }
  let prev2 = row0;
  let prev = row1;
  let cur = row2;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, limit + 1);
}
