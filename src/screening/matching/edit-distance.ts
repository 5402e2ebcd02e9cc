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

/** True when two characters are confusable (a substitution between them costs half an edit). */
export function areConfusable(a: string, b: string): boolean {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  return x !== y && x < 128 && y < 128 && confusable[x * 128 + y] === 1;
}

/** Costs in half edits, so the whole computation stays in small integers. */
const EDIT = 2;
const CONFUSABLE_HALF_EDITS = CONFUSABLE_COST * EDIT;
/** Stands for "more than the limit" in cells outside the band. */
const BEYOND = 1 << 29;

let rows = new Int32Array(3 * 64);

/**
 * Weighted edit distance between two lowercase ASCII strings. With a `limit`, gives up early and
 * returns a value above the limit once the distance is certain to exceed it.
 *
 * Why it is fast: a common prefix and suffix cost nothing and are skipped; with a limit only the
 * diagonal band |i − j| ≤ limit can hold a value within it (each step off the diagonal is one
 * insertion or deletion), so only that band is computed; and the computation stops once no later
 * row can come back under the limit.
 * @example editDistance('ig0r', 'igor') // 0.5
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  let n = a.length;
  let m = b.length;
  const lengthGap = n > m ? n - m : m - n;
  if (lengthGap > limit) return limit + 1;
  let start = 0;
  while (start < n && start < m && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (n > start && m > start && a.charCodeAt(n - 1) === b.charCodeAt(m - 1)) {
    n--;
    m--;
  }
  n -= start;
  m -= start;
  if (n === 0) return m;
  if (m === 0) return n;
  const band = limit === Number.POSITIVE_INFINITY ? n + m : Math.floor(limit);
  const limitHalf = limit === Number.POSITIVE_INFINITY ? BEYOND : Math.floor(limit * EDIT);
  const width = m + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Three rolling rows: two back (for transpositions), previous, current.
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j <= m; j++) rows[prev + j] = j <= band ? j * EDIT : BEYOND;
  let prevRowMin = 0;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(start + i - 1);
    const caBefore = i > 1 ? a.charCodeAt(start + i - 2) : -1;
    const lo = Math.max(i - band, 1);
    const hi = Math.min(i + band, m);
    rows[cur] = i * EDIT;
    if (lo > 1) rows[cur + lo - 1] = BEYOND;
    let rowMin = lo === 1 ? i * EDIT : BEYOND;
    let cbBefore = lo > 1 ? b.charCodeAt(start + lo - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(start + j - 1);
      let cost = 0;
      if (ca !== cb)
        cost = ca < 128 && cb < 128 && confusable[ca * 128 + cb] === 1 ? CONFUSABLE_HALF_EDITS : EDIT;
      let best = rows[prev + j - 1]! + cost;
      const del = rows[prev + j]! + EDIT;
      if (del < best) best = del;
      const ins = rows[cur + j - 1]! + EDIT;
      if (ins < best) best = ins;
      if (ca === cbBefore && caBefore === cb && ca !== cb) {
        const tr = rows[prev2 + j - 2]! + EDIT;
        if (tr < best) best = tr;
      }
      rows[cur + j] = best;
      if (best < rowMin) rowMin = best;
      cbBefore = cb;
    }
    if (hi < m) rows[cur + hi + 1] = BEYOND;
    // Later rows come from this one (never cheaper) or, by a transposition, from the one before.
    const floor = Math.min(prevRowMin + EDIT, rowMin);
    if (floor > limitHalf) return limit + 1;
    prevRowMin = rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = rows[prev + m]!;
  return d > limitHalf ? limit + 1 : d / EDIT;
}
