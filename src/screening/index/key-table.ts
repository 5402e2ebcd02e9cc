/**
 * A read-only string → id table held in three typed arrays (open addressing over FNV-1a hashes),
 * so an index snapshot can be loaded, and shared between worker threads, without rebuilding a
 * JavaScript Map of hundreds of thousands of keys in every process.
 */

/** What posting lists need of their key table: a Map<string, number> satisfies it too. */
export interface KeyIds {
  get(key: string): number | undefined;
  readonly size: number;
}

/** The arrays of a KeyTable, as stored in a snapshot. */
export interface KeyTableArrays {
  /** id + 1 per hash slot, 0 for empty; length a power of two. */
  slots: Int32Array;
  /** Start of each key in `chars`, plus the end; length = keys + 1. */
  offsets: Uint32Array;
  /** The keys' UTF-16 code units, one after another in id order. */
  chars: Uint16Array;
}

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class KeyTable implements KeyIds {
  private readonly mask: number;

  constructor(private readonly arrays: KeyTableArrays) {
    this.mask = arrays.slots.length - 1;
  }

  /**
   * Builds the table for `keys` (the id of a key is its position).
   * @example KeyTable.build(['guzman', 'loera']).get('loera') // 1
   */
  static build(keys: readonly string[]): KeyTable {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const offsets = new Uint32Array(keys.length + 1);
    let total = 0;
    for (let id = 0; id < keys.length; id++) {
      offsets[id] = total;
      total += keys[id]!.length;
    }
    offsets[keys.length] = total;
    const chars = new Uint16Array(total);
    const mask = capacity - 1;
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id]!;
      const start = offsets[id]!;
      for (let c = 0; c < key.length; c++) chars[start + c] = key.charCodeAt(c);
      let slot = hashOf(key) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    return new KeyTable({ slots, offsets, chars });
  }

  get size(): number {
    return this.arrays.offsets.length - 1;
  }

  get tableArrays(): KeyTableArrays {
    return this.arrays;
  }

  get(key: string): number | undefined {
    const { slots, offsets, chars } = this.arrays;
    let slot = hashOf(key) & this.mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === 0) return undefined;
      const id = held - 1;
      const start = offsets[id]!;
      if (offsets[id + 1]! - start === key.length) {
        let same = true;
        for (let c = 0; c < key.length; c++) {
          if (chars[start + c] !== key.charCodeAt(c)) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key with this id. */
  key(id: number): string {
    const { offsets, chars } = this.arrays;
    let out = '';
    for (let c = offsets[id]!; c < offsets[id + 1]!; c++) out += String.fromCharCode(chars[c]!);
    return out;
  }
}
