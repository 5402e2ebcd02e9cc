/**
 * Distinct strings to dense ids, looked up straight from a span of a larger text, so a reader can
 * ask "which party is this cell?" without first cutting the cell out as a string: a million rows
 * naming the same 50,000 parties cost a hash over each cell's characters, not a million new
 * strings and the hash-map look-ups that go with them (measured 0.4–1 µs each on this machine).
 */

/**
 * @example
 * const names = new TextInterner();
 * names.idOfSpan('a,Nube SA,b', 2, 9); // 1 ('' is 0)
 * names.idOf('Nube SA');               // 1
 * names.text[1];                       // 'Nube SA'
 */
export class TextInterner {
  /** The distinct strings by id; id 0 is ''. */
  readonly text: string[] = [''];
  private hashes: number[] = [0];
  /** Open addressing: id + 1 per slot, 0 empty. */
  private slots = new Int32Array(1024);

  /**
   * An interner holding `strings` (id k = strings[k]; strings[0] must be ''), e.g. rebuilt from
   * the strings another thread interned.
   */
  static of(strings: readonly string[]): TextInterner {
    const t = new TextInterner();
    for (let k = 1; k < strings.length; k++) t.idOf(strings[k]!);
    return t;
  }

  get size(): number {
    return this.text.length;
  }

  /** The id of a string (added as given when new). */
  idOf(s: string): number {
    return this.lookUp(s, 0, s.length, s);
  }

  /**
   * The id of `source.slice(start, end)` (added when new, as a copy: a slice of a long text would
   * keep the whole text alive), without building the slice to look it up.
   */
  idOfSpan(source: string, start: number, end: number): number {
    return this.lookUp(source, start, end, undefined);
  }

  private lookUp(source: string, start: number, end: number, whole: string | undefined): number {
    const length = end - start;
    if (length <= 0) return 0;
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ source.charCodeAt(k), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === h) {
        const t = this.text[id]!;
        if (t.length === length) {
          let same = true;
          for (let k = 0; k < length; k++)
            if (t.charCodeAt(k) !== source.charCodeAt(start + k)) {
              same = false;
              break;
            }
          if (same) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.text.length;
    const own =
      whole ?? (length > 12 ? source.slice(start, end).split('').join('') : source.slice(start, end));
    this.text.push(own);
    this.hashes.push(h);
    this.slots[slot] = id + 1;
    if (this.text.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 1; id < this.text.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
