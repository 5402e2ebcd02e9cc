/**
 * The evidence each list alias earns from one query's index keys, summed per slot (a query word,
 * a join or a split half, each counting once, by its best key) in two phases, with the scratch
 * state reused from query to query so accumulation allocates nothing.
 */
import { FloatBuffer } from './float-buffer.js';
import { IntBuffer } from './int-buffer.js';
import type { IndexKey } from './query-token-keys.js';

/** Fields of an alias's scratch state (see CandidateEvidence.stamps). */
const STATE_FIELDS = 2;
/** The alias's position among the query's candidates (its row of slot contributions). */
const TOUCHED_AT = 0;
const EVIDENCE = 1;
/** Slot stamps are 16-bit: when the counter reaches this, the stamps are cleared and it restarts. */
const MAX_SLOT_STAMP = 0xffff;

/** Binary search in a sorted posting list. */
function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Accumulates one query's evidence at a time; owned by one index (not shared between threads). */
export class CandidateEvidence {
  /**
   * The slot in which each alias was last reached, 16 bits per alias: the test every posting makes
   * reads this small array (84 KB for 42,000 aliases), which stays in the core's cache between
   * queries where a wider record per alias was evicted by scoring and missed on most postings.
   */
  private readonly slotStamps: Uint16Array;
  /**
   * Per-alias scratch state, two 32-bit fields side by side, read only for aliases reached:
   * [TOUCHED_AT] int, [EVIDENCE] float (valid while the alias's candidate bit is set). The same buffer is read as ints (`stamps`) and floats (`values`).
   */
  private readonly stamps: Int32Array;
  private readonly values: Float32Array;
  /**
   * One bit per alias, set while the alias is a candidate of the current query: keys that only
   * add evidence scan their postings against these few kilobytes instead of the scratch state.
   */
  private readonly candidateBits: Int32Array;
  private readonly touched = new IntBuffer(1024);
  private slotCounter = 0;
  /** Key positions sorted by frequency, and the slots in the order their rarest key comes. */
  private readonly keyOrder: number[] = [];
  private readonly slotOrder: number[] = [];
  private readonly slotReach: number[] = [];
  /** Key positions slot by slot in `slotOrder`, heaviest first within a slot; where each slot's start. */
  private readonly keysByWeight: number[] = [];
  private readonly slotStart: number[] = [];
  /** 1 where the query key opened candidates in the opening phase. */
  private readonly keyOpens: number[] = [];
  /** What each slot gave each candidate (row = candidate, column = slot rank). */
  private readonly contributions = new FloatBuffer(4096);

  /** `commonKeyFrequency`: keys held by more aliases than this only add to candidates. */
  constructor(
    aliasCount: number,
    private readonly commonKeyFrequency: number,
  ) {
    this.slotStamps = new Uint16Array(aliasCount);
    this.stamps = new Int32Array(aliasCount * STATE_FIELDS);
    this.values = new Float32Array(this.stamps.buffer);
    this.candidateBits = new Int32Array((aliasCount >>> 5) + 1);
  }

  /** A stamp no alias holds yet, for the next slot. */
  private nextSlotStamp(): number {
    if (this.slotCounter === MAX_SLOT_STAMP) {
      this.slotStamps.fill(0);
      this.slotCounter = 0;
    }
    return ++this.slotCounter;
  }

  /** The evidence of `alias` in the last accumulation (valid for the aliases it returned). */
  of(alias: number): number {
    return this.values[alias * STATE_FIELDS + EVIDENCE]!;
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
   * An alias first reached in slot `o` can gain at most the later slots' best weights plus the
   * earlier slots' best non-opening weights; when that cannot reach `openFloor`, nor
   * `relativeFloor` of the best evidence so far (what selectBest requires anyway), the slot opens
   * nothing. This drops only aliases selectBest would drop, and reads far fewer postings.
   */
  accumulate(
    keys: readonly IndexKey[],
    slots: readonly number[],
    openFloor: number,
    relativeFloor: number,
  ): IntBuffer {
    // Stable insertion sort of key positions by frequency (a query has a few dozen keys).
    const order = this.keyOrder;
    order.length = keys.length;
    for (let k = 0; k < keys.length; k++) {
      const f = keys[k]!.frequency;
      let at = k;
      while (at > 0 && keys[order[at - 1]!]!.frequency > f) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = k;
    }
    // Slots in the order of their rarest key.
    const slotOrder = this.slotOrder;
    slotOrder.length = 0;
    for (const k of order) {
      const slot = slots[k]!;
      if (!slotOrder.includes(slot)) slotOrder.push(slot);
    }
    const slotCount = slotOrder.length;
    // Each slot's keys, heaviest first (slot by slot in slotOrder; slotStart[o] is where slot o's
    // begin), and the best key weight of each slot summed from the last slot back.
    const byWeight = this.keysByWeight;
    const slotStart = this.slotStart;
    const reachable = this.slotReach;
    byWeight.length = 0;
    slotStart.length = slotCount + 1;
    for (let o = 0; o < slotCount; o++) {
      slotStart[o] = byWeight.length;
      const slot = slotOrder[o]!;
      for (let k = 0; k < keys.length; k++) {
        if (slots[k] !== slot) continue;
        const w = keys[k]!.weight;
        let at = byWeight.length;
        byWeight.push(k);
        while (at > slotStart[o]! && keys[byWeight[at - 1]!]!.weight < w) {
          byWeight[at] = byWeight[at - 1]!;
          at--;
        }
        byWeight[at] = k;
      }
    }
    slotStart[slotCount] = byWeight.length;
    reachable.length = slotCount + 1;
    reachable[slotCount] = 0;
    for (let o = slotCount - 1; o >= 0; o--) {
      // The heaviest key of a slot is its first (a slot always has a key).
      reachable[o] = keys[byWeight[slotStart[o]!]!]!.weight + reachable[o + 1]!;
    }
    const opening = this.keyOpens;
    opening.length = keys.length;

    const touched = this.touched;
    touched.clear();
    const slotStamps = this.slotStamps;
    const stamps = this.stamps;
    const values = this.values;
    const bits = this.candidateBits;
    // Whether any key so far opened candidates (the "nothing rarer found any" rule must not
    // depend on the pruning), the best evidence so far, and the most an alias first reached in
    // the current slot can hold from earlier slots (their keys that did not open).
    let opened = false;
    let bestSoFar = 0;
    let earlierBoosts = 0;
    for (let o = 0; o < slotCount; o++) {
      // Small tolerance: evidence is summed in single precision.
      const slotMayOpen =
        earlierBoosts + reachable[o]! >= Math.max(openFloor, bestSoFar * relativeFloor) * (1 - 1e-6);
      const openedBefore = opened;
      let boostBest = 0;
      // Which keys open depends only on the keys themselves and on the slots before this one.
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        const key = keys[k]!;
        // Approximate keys (typos, sounds, variants) open fewer candidates than the token itself.
        const openLimit = key.exact ? this.commonKeyFrequency : this.commonKeyFrequency / 5;
        const opens = key.frequency <= openLimit || !openedBefore;
        if (opens && key.postings.length > 0) opened = true;
        opening[k] = opens && slotMayOpen ? 1 : 0;
        if (!opening[k]) boostBest = Math.max(boostBest, key.weight);
      }
      const slotStamp = this.nextSlotStamp();
      // Room for every alias the slot may add, so the loop below never checks for it.
      let room = touched.length;
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        if (opening[k]) room += keys[k]!.postings.length;
      }
      this.contributions.reserve(room * slotCount);
      const contributions = this.contributions.values;
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        if (!opening[k]) continue;
        const key = keys[k]!;
        const postings = key.postings;
        // Evidence is kept in single precision: the weight as it is stored.
        const weight = Math.fround(key.weight);
        for (let p = 0; p < postings.length; p++) {
          const alias = postings[p]!;
          // Reached before in this slot by a key at least as heavy.
          if (slotStamps[alias] === slotStamp) continue;
          slotStamps[alias] = slotStamp;
          const at = alias * STATE_FIELDS;
          if ((bits[alias >>> 5]! & (1 << (alias & 31))) === 0) {
            bits[alias >>> 5]! |= 1 << (alias & 31);
            stamps[at + TOUCHED_AT] = touched.length;
            values[at + EVIDENCE] = 0;
            const row = touched.length * slotCount;
            touched.push(alias);
            for (let c = row; c < row + slotCount; c++) contributions[c] = 0;
          }
          contributions[stamps[at + TOUCHED_AT]! * slotCount + o] = weight;
          const evidence = values[at + EVIDENCE]! + weight;
          values[at + EVIDENCE] = evidence;
          if (evidence > bestSoFar) bestSoFar = evidence;
        }
      }
      earlierBoosts += boostBest;
    }
    this.boost(keys, opening, slotCount);
    for (let i = 0; i < touched.length; i++) bits[touched.at(i) >>> 5] = 0;
    return touched;
  }

  /**
   * The boosting phase: each slot's keys that did not open add to the candidates holding them,
   * raising the slot's share of an alias's evidence to the best key it holds. Keys are read
   * heaviest first, so the first one holding a candidate in a slot is the slot's best for it.
   */
  private boost(keys: readonly IndexKey[], opening: number[], slotCount: number): void {
    const touched = this.touched;
    const bits = this.candidateBits;
    const byWeight = this.keysByWeight;
    const slotStart = this.slotStart;
    for (let o = 0; o < slotCount; o++) {
      const slotStamp = this.nextSlotStamp();
      for (let b = slotStart[o]!; b < slotStart[o + 1]!; b++) {
        const k = byWeight[b]!;
        if (opening[k]) continue;
        const key = keys[k]!;
        const postings = key.postings;
        const weight = Math.fround(key.weight);
        // Probe each candidate (a binary search each) when that reads less than the whole list.
        if (touched.length * (32 - Math.clz32(postings.length)) < postings.length) {
          for (let i = 0; i < touched.length; i++) {
            const alias = touched.at(i);
            if (contains(postings, alias)) this.raise(alias, weight, o, slotCount, slotStamp);
          }
        } else {
          for (let p = 0; p < postings.length; p++) {
            const alias = postings[p]!;
            if ((bits[alias >>> 5]! & (1 << (alias & 31))) !== 0)
              this.raise(alias, weight, o, slotCount, slotStamp);
          }
        }
      }
    }
  }

  /** The first (heaviest) boost of `alias` in slot `o`: raises the slot's share of its evidence to `weight`. */
  private raise(alias: number, weight: number, o: number, slotCount: number, slotStamp: number): void {
    if (this.slotStamps[alias] === slotStamp) return;
    this.slotStamps[alias] = slotStamp;
    const at = alias * STATE_FIELDS;
    const cell = this.stamps[at + TOUCHED_AT]! * slotCount + o;
    const contributions = this.contributions.values;
    const gained = weight - contributions[cell]!;
    if (gained > 0) {
      contributions[cell] = weight;
      this.values[at + EVIDENCE]! += gained;
    }
  }
}
