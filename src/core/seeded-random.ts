/**
 * The one seeded uniform generator (mulberry32) every part uses where a run must be repeatable:
 * model training and exploration picks, surveillance simulations, generated benchmark lists.
 */

/**
 * Uniform numbers in [0, 1) from a 32-bit seed: small, fast, the same on every run.
 * @example const rand = seededRandom(42); rand() // same value on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
