/** A growable Float32Array for per-query scratch values (candidate × slot contributions). */

/** Grows on demand, keeping its contents. */
export class FloatBuffer {
  values: Float32Array;

  constructor(initialCapacity = 1024) {
    this.values = new Float32Array(Math.max(16, initialCapacity));
  }

  /** Makes room for at least `size` values. */
  reserve(size: number): void {
    if (size <= this.values.length) return;
    const grown = new Float32Array(Math.max(size, this.values.length * 2));
    grown.set(this.values);
    this.values = grown;
  }
}
