/**
 * Seeded random draws for the early-warning simulations (the Noufaily protocol in the benchmark,
 * the positivity detector's false-alarm check): a repeatable uniform generator and the normal and
 * gamma variates built on it.
 */

/** A standard normal draw (Box–Muller, two uniforms). */
export function normalVariate(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** A Gamma(shape, 1) draw by Marsaglia and Tsang (boosted for shape < 1). */
export function gammaVariate(shape: number, u: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalVariate(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
