/**
 * Inverse of a small symmetric positive semi-definite matrix (a GLM's X'WX) by Cholesky, with
 * aliased columns detected and dropped as R's pivoting QR does, so a factor level or trend that
 * the data cannot identify gets a zero coefficient instead of breaking the fit.
 */

export interface SymmetricInverse {
  /** Inverse restricted to the identified columns; rows and columns of aliased ones are zero. */
  inverse: number[][];
  /** `true` where the column is linearly dependent on the earlier ones. */
  aliased: boolean[];
  rank: number;
}

/** Relative pivot below which a column counts as aliased (R's glm uses 1e-11 on the QR). */
const aliasTolerance = 1e-10;

export function invertSymmetric(a: readonly (readonly number[])[]): SymmetricInverse {
  const p = a.length;
  const l: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const aliased = new Array<boolean>(p).fill(false);
  for (let j = 0; j < p; j++) {
    const ajj = a[j]![j]!;
    let d = ajj;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    if (!(d > aliasTolerance * Math.max(ajj, 1e-300))) {
      aliased[j] = true;
      continue;
    }
    const ljj = Math.sqrt(d);
    l[j]![j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / ljj;
    }
  }
  // Invert L (lower triangular) on the identified columns, then A⁻¹ = L⁻ᵀ L⁻¹.
  const linv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    linv[j]![j] = 1 / l[j]![j]!;
    for (let i = j + 1; i < p; i++) {
      if (aliased[i]) continue;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i]![k]! * linv[k]![j]!;
      linv[i]![j] = s / l[i]![i]!;
    }
  }
  const inverse: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += linv[k]![i]! * linv[k]![j]!;
      inverse[i]![j] = s;
      inverse[j]![i] = s;
    }
  }
  return { inverse, aliased, rank: aliased.filter((x) => !x).length };
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
