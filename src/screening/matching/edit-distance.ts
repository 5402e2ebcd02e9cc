/**
 * Optimal-string-alignment edit distance in which confusable characters (0/o, 1/l/i, c/k, y/i,
 * s/z, v/b …) cost half an edit and adjacent transpositions cost one. Confusable pairs after
 * rigour's compare.yml (opensanctions/rigour, MIT) plus Spanish/English spelling pairs.
 * Allocation-free: one shared buffer grows to the longest pair seen.
 */

const CONFUSABLE_COST = 0.5;
const confusable = new Uint8Array(128 * 128);
for (const [a, b] of [
  ['0', 'o'],
  ['1', 'i'],
  ['1', 'l'],
  ['g', '9'],
  ['q', '9'],
  ['b', '6'],
  ['5', 's'],
  ['e', 'i'],
  ['o', 'u'],
  ['i', 'j'],
  ['i', 'y'],
  ['c', 'k'],
  ['n', 'h'],
  ['s', 'z'],
  ['v', 'b'],
  ['v', 'w'],
  ['c', 's'],
  ['k', 'q'],
  ['e', 'a'],
  ['3', 'e'],
  ['4', 'a'],
  ['7', 't'],
  ['8', 'b'],
  ['j', 'y'],
  ['c', 'z'],
  ['g', 'j'],
  ['x', 'j'],
  ['l', 'i'],
  ['x', 's'],
] as const) {
  confusable[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = 1;
  confusable[b.charCodeAt(0) * 128 + a.charCodeAt(0)] = 1;
}

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  if (a < 128 && b < 128 && confusable[a * 128 + b] === 1) return CONFUSABLE_COST;
  return 1;
}

let rows = new Float64Array(3 * 64);

/**
 * Weighted edit distance between two lowercase ASCII strings. With a `limit`, gives up early and
 * returns a value above the limit once the distance is certain to exceed it.
 * @example editDistance('ig0r', 'igor') // 0.5
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const width = m + 1;
  if (rows.length < 3 * width) rows = new Float64Array(3 * width * 2);
  // Three rolling rows: two back (for transpositions), previous, current.
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j <= m; j++) rows[prev + j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = rows[prev + j - 1]! + substitutionCost(ca, cb);
      const del = rows[prev + j]! + 1;
      if (del < best) best = del;
      const ins = rows[cur + j - 1]! + 1;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        const tr = rows[prev2 + j - 2]! + 1;
        if (tr < best) best = tr;
      }
      rows[cur + j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later row is at least the smallest value of this one (less one transposition step).
    if (rowMin > limit + 1) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + m]!;
}
