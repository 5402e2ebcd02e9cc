/**
 * Minimum-cost assignment between two sets where each item may also stay unassigned at a price:
 * the Hungarian method (shortest augmenting paths with potentials, O(n³)) on the square matrix
 * padded with "unmatched" slots. Used on each small connected group of candidate pairs, so one
 * noisy record cannot take another's partner the way first-come matching lets it.
 */

/** Pairs of (left index, right index) chosen, and the total cost including unmatched prices. */
export interface Assignment {
  pairs: Array<[number, number]>;
  cost: number;
}

const FORBIDDEN = 1e9;

/**
 * @param cost cost of pairing left i with right j (row-major n×m; `Infinity` = not allowed)
 * @param unmatched price of leaving one item of either side unassigned
 * @example
 * // two exports, two imports: the crossed pairing costs less
 * minCostAssignment(2, 2, Float64Array.of(5, 1, 1, 5), 10).pairs; // [[0, 1], [1, 0]]
 */
export function minCostAssignment(n: number, m: number, cost: Float64Array, unmatched: number): Assignment {
  const size = n + m;
  // Rows: n left items then m "right item unmatched" slots; columns: m right items then n "left unmatched" slots.
  const a = new Float64Array(size * size).fill(FORBIDDEN);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = cost[i * m + j]!;
      if (Number.isFinite(c)) a[i * size + j] = c;
    }
    a[i * size + m + i] = unmatched;
  }
  for (let j = 0; j < m; j++) {
    a[(n + j) * size + j] = unmatched;
    for (let i = 0; i < n; i++) a[(n + j) * size + m + i] = 0;
  }
  const match = hungarian(size, a);
  const pairs: Array<[number, number]> = [];
  let total = 0;
  for (let r = 0; r < size; r++) {
    const c = match[r]!;
    total += a[r * size + c]!;
    if (r < n && c < m) pairs.push([r, c]);
  }
  return { pairs, cost: total };
}

/** Column assigned to each row of a square cost matrix (e-maxx formulation, 1-based internally). */
function hungarian(n: number, a: Float64Array): Int32Array {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      const row = (i0 - 1) * n;
      const ui0 = u[i0]!;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = a[row + j - 1]! - ui0 - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(n);
  for (let j = 1; j <= n; j++) rowToCol[p[j]! - 1] = j - 1;
  return rowToCol;
}
