/**
 * The evidence each list alias earns from one query's index keys, summed per slot (a query word,
 * a join or a split half, each counting once, by its best key) in two phases, with the scratch
 * state reused from query to query so accumulation allocates nothing.
 *
 * A query reaches a few hundred aliases out of tens of thousands (or a million): their state is
 * kept in small arrays of the query's candidates, found through a small open-addressing table, so
 * a posting costs a probe of a few kilobytes that stay in the core's first-level cache instead of
 * reads and writes scattered over arrays as long as the list (which scoring evicts from the cache
 * between queries).
 */
import { FloatBuffer } from './float-buffer.js';
import type { IndexKey } from './query-token-keys.js';

/** Binary search in a sorted posting list (`sorted[first]` … `sorted[end - 1]`). */
function contains(sorted: Int32Array, first: number, end: number, value: number): boolean {
  let lo = first;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Fibonacci hashing of an alias id into a table of 2^bits entries. */
const HASH_MULTIPLIER = 0x9e3779b1;

/** Cells of the candidate table between queries: room for 2,048 candidates (a query has a few hundred). */
const SMALL_TABLE = 4096;

/** Accumulates one query's evidence at a time; owned by one index (not shared between threads). */
export class CandidateEvidence {
  /**
   * One bit per alias, set while the alias is a candidate of the current query: keys that only
   * add evidence scan their postings against these few kilobytes before looking the alias up.
   */
  private readonly candidateBits: Int32Array;
  /** The current query's candidates by position (the order they were first reached). */
  private candidateAlias = new Int32Array(1024);
  private candidateEvidence = new Float32Array(1024);
  /** The slot stamp a candidate was last reached with (see `accumulate`), -1 for none yet. */
  private candidateStamp = new Int32Array(1024);
  /** Where in the table each candidate sits, to empty the table after the query. */
  private candidateCell = new Int32Array(1024);
  private candidates = 0;
  /** Alias + 1 (0 = empty) and its candidate position, open addressing with linear probing. */
  private tableAlias = new Int32Array(SMALL_TABLE);
  private tableCandidate = new Int32Array(SMALL_TABLE);
  private tableShift = 32 - Math.log2(SMALL_TABLE);
  /**
   * Per-query scratch, sized for the largest query so far and never shrunk (a JS array emptied
   * with `length = 0` drops its backing store, so refilling it allocated a new one every query).
   * Frequency and weight of each key of the current query, by key position.
   */
  private keyFrequency = new Float64Array(64);
  private keyWeight = new Float64Array(64);
  /** Key positions sorted by frequency, and the slots in the order their rarest key comes. */
  private keyOrder = new Int32Array(64);
  private slotOrder = new Int32Array(64);
  private slotReach = new Float64Array(65);
  /** Key positions slot by slot in `slotOrder`, heaviest first within a slot; where each slot's start. */
  private keysByWeight = new Int32Array(64);
  private slotStart = new Int32Array(65);
  /** 1 where the query key opened candidates in the opening phase. */
  private keyOpens = new Uint8Array(64);
  /** What each slot gave each candidate (row = candidate, column = slot rank). */
  private readonly contributions = new FloatBuffer(4096);

  /** `commonKeyFrequency`: keys held by more aliases than this only add to candidates. */
  constructor(
    aliasCount: number,
    private readonly commonKeyFrequency: number,
  ) {
    this.candidateBits = new Int32Array((aliasCount >>> 5) + 1);
  }

  /** The alias of candidate `c` of the last accumulation. */
  aliasAt(c: number): number {
    return this.candidateAlias[c]!;
  }

  /** The evidence of candidate `c` of the last accumulation. */
  evidenceAt(c: number): number {
    return this.candidateEvidence[c]!;
  }

  /** The candidate position of `alias`, which must be a candidate of the current query. */
  private candidateOf(alias: number): number {
    const mask = this.tableAlias.length - 1;
    let cell = Math.imul(alias, HASH_MULTIPLIER) >>> this.tableShift;
    while (this.tableAlias[cell] !== alias + 1) cell = (cell + 1) & mask;
    return this.tableCandidate[cell]!;
  }

  /** Room for `more` candidates beyond the current ones: arrays and table (kept at most half full). */
  private reserve(more: number, slotCount: number): void {
    const needed = this.candidates + more;
    this.contributions.reserve(needed * slotCount);
    if (needed > this.candidateAlias.length) {
      const size = Math.max(needed, this.candidateAlias.length * 2);
      const grow = <T extends Int32Array | Float32Array>(old: T, make: (n: number) => T): T => {
        const grown = make(size);
        grown.set(old);
        return grown;
      };
      this.candidateAlias = grow(this.candidateAlias, (n) => new Int32Array(n));
      this.candidateEvidence = grow(this.candidateEvidence, (n) => new Float32Array(n));
      this.candidateStamp = grow(this.candidateStamp, (n) => new Int32Array(n));
      this.candidateCell = grow(this.candidateCell, (n) => new Int32Array(n));
    }
    if (needed * 2 <= this.tableAlias.length) return;
    let bits = 32 - this.tableShift;
    while (1 << bits < needed * 2) bits++;
    this.tableAlias = new Int32Array(1 << bits);
    this.tableCandidate = new Int32Array(1 << bits);
    this.tableShift = 32 - bits;
    for (let c = 0; c < this.candidates; c++) this.place(this.candidateAlias[c]!, c);
  }

  /** An empty table of SMALL_TABLE cells (the current query has no candidates yet). */
  private resetTable(): void {
    this.tableAlias = new Int32Array(SMALL_TABLE);
    this.tableCandidate = new Int32Array(SMALL_TABLE);
    this.tableShift = 32 - Math.log2(SMALL_TABLE);
  }

  /** Scratch room for `size` query keys (and as many slots). */
  private growKeyScratch(size: number): void {
    this.keyFrequency = new Float64Array(size);
    this.keyWeight = new Float64Array(size);
    this.keyOrder = new Int32Array(size);
    this.slotOrder = new Int32Array(size);
    this.slotReach = new Float64Array(size + 1);
    this.keysByWeight = new Int32Array(size);
    this.slotStart = new Int32Array(size + 1);
    this.keyOpens = new Uint8Array(size);
  }

  /** Puts `alias` (not in the table) in the table as candidate `c`. */
  private place(alias: number, c: number): void {
    const table = this.tableAlias;
    const mask = table.length - 1;
    let cell = Math.imul(alias, HASH_MULTIPLIER) >>> this.tableShift;
    while (table[cell] !== 0) cell = (cell + 1) & mask;
    table[cell] = alias + 1;
    this.tableCandidate[cell] = c;
    this.candidateCell[c] = cell;
  }

  /**
   * Sums per-slot best evidence into each alias, in two phases. Opening: keys run rarest first and
   * open candidates; a common key opens only when nothing rarer found any, so "mohammed" alone
   * never floods the scorer. Boosting: every key that did not open then adds to every candidate
   * holding it, whichever slot opened the candidate — so "hussein" ~ "hassan" (a common sound)
   * still counts for an alias opened by a rare surname later in the query.
   *
   * Within a slot the keys are read heaviest first, so the first key that reaches an alias in a
   * slot is the slot's best for it: the alias gains it at once and later keys of the slot skip it
   * on its stamp alone (no second pass over the slot's aliases).
   *
   * An alias a key reaches first (in slot `o`) can gain at most the later slots' best weights,
   * the earlier slots' best non-opening weights, and in slot `o` the key's own weight or a heavier
   * non-opening one's; when that cannot reach `openFloor`, nor `relativeFloor` of the best
   * evidence so far (what selectBest requires anyway), the key opens no candidate: it only adds to
   * the candidates there are, at its turn, so every candidate selectBest keeps has the same
   * evidence, summed in the same order, as without the bound. This drops only aliases selectBest
   * would drop, and creates far fewer candidates.
   */
  accumulate(
    keys: readonly IndexKey[],
    slots: readonly number[],
    openFloor: number,
    relativeFloor: number,
    /** How many of `keys` (and `slots`) the query has: callers reuse longer arrays. */
    keyCount = keys.length,
  ): number {
    if (keyCount > this.keyFrequency.length) this.growKeyScratch(keyCount * 2);
    // The keys' frequencies and weights side by side, so the sorts below compare numbers in one
    // small array instead of reading the key objects (spread over the heap) again and again.
    const frequency = this.keyFrequency;
    const keyWeight = this.keyWeight;
    for (let k = 0; k < keyCount; k++) {
      frequency[k] = keys[k]!.frequency;
      keyWeight[k] = keys[k]!.weight;
    }
    // Stable insertion sort of key positions by frequency (a query has a few dozen keys).
    const order = this.keyOrder;
    for (let k = 0; k < keyCount; k++) {
      const f = frequency[k]!;
      let at = k;
      while (at > 0 && frequency[order[at - 1]!]! > f) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = k;
    }
    // Slots in the order of their rarest key.
    const slotOrder = this.slotOrder;
    let slotCount = 0;
    for (let i = 0; i < keyCount; i++) {
      const slot = slots[order[i]!]!;
      let seen = false;
      for (let o = 0; o < slotCount && !seen; o++) seen = slotOrder[o] === slot;
      if (!seen) slotOrder[slotCount++] = slot;
    }
    // Each slot's keys, heaviest first (slot by slot in slotOrder; slotStart[o] is where slot o's
    // begin), and the best key weight of each slot summed from the last slot back.
    const byWeight = this.keysByWeight;
    const slotStart = this.slotStart;
    const reachable = this.slotReach;
    let placed = 0;
    for (let o = 0; o < slotCount; o++) {
      slotStart[o] = placed;
      const slot = slotOrder[o]!;
      for (let k = 0; k < keyCount; k++) {
        if (slots[k] !== slot) continue;
        const w = keyWeight[k]!;
        let at = placed++;
        while (at > slotStart[o]! && keyWeight[byWeight[at - 1]!]! < w) {
          byWeight[at] = byWeight[at - 1]!;
          at--;
        }
        byWeight[at] = k;
      }
    }
    slotStart[slotCount] = placed;
    reachable[slotCount] = 0;
    for (let o = slotCount - 1; o >= 0; o--) {
      // The heaviest key of a slot is its first (a slot always has a key).
      reachable[o] = keyWeight[byWeight[slotStart[o]!]!]! + reachable[o + 1]!;
    }
    const opening = this.keyOpens;

    this.candidates = 0;
    // A query with thousands of candidates grew the table; the next one starts small again, so
    // its probes stay in the core's first-level cache.
    if (this.tableAlias.length > SMALL_TABLE) this.resetTable();
    const bits = this.candidateBits;
    // Whether any key so far opened candidates (the "nothing rarer found any" rule must not
    // depend on the pruning), the best evidence so far, and the most an alias first reached in
    // the current slot can hold from earlier slots (their keys that did not open).
    let opened = false;
    let bestSoFar = 0;
    let earlierBoosts = 0;
    for (let o = 0; o < slotCount; o++) {
      const openedBefore = opened;
      // The heaviest key of this slot so far that does not open by its frequency.
      let boostBest = 0;
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        const key = keys[k]!;
        const first = key.first;
        const end = key.end;
        // Approximate keys (typos, sounds, variants) open fewer candidates than the token itself.
        const openLimit = key.exact ? this.commonKeyFrequency : this.commonKeyFrequency / 5;
        const opens = key.frequency <= openLimit || !openedBefore;
        if (opens && end > first) opened = true;
        opening[k] = opens ? 1 : 0;
        if (!opens) {
          boostBest = Math.max(boostBest, key.weight);
          continue;
        }
        // An alias this key reaches first gains, in this slot, this key's weight or a heavier
        // one's that does not open (a heavier one that opens would have reached it first).
        // Small tolerance: evidence is summed in single precision.
        const mayGain = earlierBoosts + Math.max(keyWeight[k]!, boostBest) + reachable[o + 1]!;
        const mayOpen = mayGain >= Math.max(openFloor, bestSoFar * relativeFloor) * (1 - 1e-6);
        // Room for every alias the key may add, so the loop below never checks for it.
        if (mayOpen) this.reserve(end - first, slotCount);
        const documents = key.documents;
        const contributions = this.contributions.values;
        const candidateAlias = this.candidateAlias;
        const candidateEvidence = this.candidateEvidence;
        const candidateStamp = this.candidateStamp;
        const candidateCell = this.candidateCell;
        const table = this.tableAlias;
        const tableCandidate = this.tableCandidate;
        const mask = table.length - 1;
        const shift = this.tableShift;
        // Evidence is kept in single precision: the weight as it is stored.
        const weight = Math.fround(key.weight);
        for (let p = first; p < end; p++) {
          const alias = documents[p]!;
          // A key that may not open adds only to the candidates there are, when it is its turn,
          // so their evidence is summed in the same order as if it had opened.
          if (!mayOpen && (bits[alias >>> 5]! & (1 << (alias & 31))) === 0) continue;
          let cell = Math.imul(alias, HASH_MULTIPLIER) >>> shift;
          let held = table[cell]!;
          while (held !== 0 && held !== alias + 1) {
            cell = (cell + 1) & mask;
            held = table[cell]!;
          }
          let c: number;
          if (held === 0) {
            c = this.candidates++;
            table[cell] = alias + 1;
            tableCandidate[cell] = c;
            candidateCell[c] = cell;
            candidateAlias[c] = alias;
            candidateEvidence[c] = 0;
            candidateStamp[c] = -1;
            bits[alias >>> 5]! |= 1 << (alias & 31);
            for (let r = c * slotCount; r < (c + 1) * slotCount; r++) contributions[r] = 0;
          } else {
            c = tableCandidate[cell]!;
            // Reached before in this slot by a key at least as heavy.
            if (candidateStamp[c] === o) continue;
          }
          candidateStamp[c] = o;
          contributions[c * slotCount + o] = weight;
          const evidence = candidateEvidence[c]! + weight;
          candidateEvidence[c] = evidence;
          if (evidence > bestSoFar) bestSoFar = evidence;
        }
      }
      earlierBoosts += boostBest;
    }
    this.boost(keys, opening, slotCount);
    // Empty the table and the bits for the next query.
    for (let c = 0; c < this.candidates; c++) {
      this.tableAlias[this.candidateCell[c]!] = 0;
      const alias = this.candidateAlias[c]!;
      bits[alias >>> 5] = 0;
    }
    return this.candidates;
  }

  /**
   * The boosting phase: each slot's keys that did not open add to the candidates holding them,
   * raising the slot's share of an alias's evidence to the best key it holds. Keys are read
   * heaviest first, so the first one holding a candidate in a slot is the slot's best for it.
   */
  private boost(keys: readonly IndexKey[], opening: Uint8Array, slotCount: number): void {
    const bits = this.candidateBits;
    const byWeight = this.keysByWeight;
    const slotStart = this.slotStart;
    const count = this.candidates;
    for (let o = 0; o < slotCount; o++) {
      // Stamps of the boosting phase follow those of the opening phase (0 … slotCount - 1).
      const stamp = slotCount + o;
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        if (opening[k]) continue;
        const key = keys[k]!;
        const documents = key.documents;
        const first = key.first;
        const end = key.end;
        const weight = Math.fround(key.weight);
        // Probe each candidate (a binary search each) when that reads less than the whole list.
        if (count * (32 - Math.clz32(end - first)) < end - first) {
          for (let c = 0; c < count; c++) {
            if (contains(documents, first, end, this.candidateAlias[c]!))
              this.raise(c, weight, o, slotCount, stamp);
          }
        } else {
          for (let p = first; p < end; p++) {
            const alias = documents[p]!;
            if ((bits[alias >>> 5]! & (1 << (alias & 31))) !== 0)
              this.raise(this.candidateOf(alias), weight, o, slotCount, stamp);
          }
        }
      }
    }
  }

  /** The first (heaviest) boost of candidate `c` in slot `o`: raises the slot's share of its evidence to `weight`. */
  private raise(c: number, weight: number, o: number, slotCount: number, stamp: number): void {
    if (this.candidateStamp[c] === stamp) return;
    this.candidateStamp[c] = stamp;
    const cell = c * slotCount + o;
    const contributions = this.contributions.values;
    const gained = weight - contributions[cell]!;
    if (gained > 0) {
      contributions[cell] = weight;
      this.candidateEvidence[c]! += gained;
    }
  }
}
