/** A reproducible shuffle for training's row and feature sampling (draws from core's seededRandom). */

/** Fisher–Yates shuffle of `0..n-1`, driven by `rand`. */
export function shuffledIndices(n: number, rand: () => number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
