/**
 * Solving with a small symmetric positive semi-definite matrix (a GLM's X'WX) by Cholesky, with
 * aliased columns detected and dropped as R's pivoting QR does, so a factor level or trend that
 * the data cannot identify gets a zero coefficient instead of breaking the fit.
 */

export interface CholeskyFactor {
  p: number;
  /** Lower-triangular factor, row-major p×p; rows/columns of aliased columns are zero. */
  l: Float64Array;
  /** `true` where the column is linearly dependent on the earlier ones. */
  aliased: boolean[];
}

/** Relative pivot below which a column counts as aliased (R's glm uses 1e-11 on the QR). */
const aliasTolerance = 1e-10;

/** Factors a symmetric matrix given row-major as a flat p×p array. */
export function choleskyFactor(a: Float64Array, p: number): CholeskyFactor {
  const l = new Float64Array(p * p);
  const aliased = new Array<boolean>(p).fill(false);
  for (let j = 0; j < p; j++) {
    const ajj = a[j * p + j]!;
    let d = ajj;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! ** 2;
    if (!(d > aliasTolerance * Math.max(ajj, 1e-300))) {
      aliased[j] = true;
      continue;
    }
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  return { p, l, aliased };
}

/** x with A x = b on the identified columns (aliased entries are 0). */
export function choleskySolve({ p, l, aliased }: CholeskyFactor, b: ArrayLike<number>): number[] {
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    if (aliased[i]) continue;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * z[k]!;
    z[i] = s / l[i * p + i]!;
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    if (aliased[i]) continue;
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** A⁻¹ restricted to the identified columns, as nested rows (zero rows/columns for aliased ones). */
export function choleskyInverse(factor: CholeskyFactor): number[][] {
  const { p } = factor;
  const inverse: number[][] = [];
  const unit = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    inverse.push(factor.aliased[j] ? new Array<number>(p).fill(0) : choleskySolve(factor, unit));
  }
  return inverse;
}

/** x' A x for a symmetric A. */
export function quadraticForm(a: readonly (readonly number[])[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = a[i]!;
    for (let j = 0; j < x.length; j++) s += xi * row[j]! * x[j]!;
  }
  return s;
}
