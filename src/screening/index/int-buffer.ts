/** A growable Int32Array, so index builds append millions of ints without an object per entry. */
export class IntBuffer {
  private data: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** Empties the buffer, keeping its capacity for reuse. */
  clear(): void {
    this.size = 0;
  }

  /** A trimmed copy holding exactly the values pushed. */
  toArray(): Int32Array {
    return this.data.slice(0, this.size);
  }
}
