/**
 * The evidence each list alias earns from one query's index keys, summed per slot (a query word,
 * a join or a split half, each counting once, by its best key) in two phases, with the scratch
 * state reused from query to query so accumulation allocates nothing.
 */
import { FloatBuffer } from './float-buffer.js';
import { IntBuffer } from './int-buffer.js';
import type { IndexKey } from './query-token-keys.js';

/** Fields of an alias's scratch state (see CandidateEvidence.stamps). */
const STATE_FIELDS = 3;
const SLOT_BEST = 0;
/** The alias's position among the query's candidates (its row of slot contributions). */
const TOUCHED_AT = 1;
const EVIDENCE = 2;
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
   * Per-alias scratch state, three 32-bit fields side by side, read only for aliases reached:
   * [SLOT_BEST] float, [TOUCHED_AT] int, [EVIDENCE] float (valid while the alias's candidate bit
   * is set). The same buffer is read as ints (`stamps`) and floats (`values`).
   */
  private readonly stamps: Int32Array;
  private readonly values: Float32Array;
  /**
   * One bit per alias, set while the alias is a candidate of the current query: keys that only
   * add evidence scan their postings against these few kilobytes instead of the scratch state.
   */
  private readonly candidateBits: Int32Array;
  private readonly touched = new IntBuffer(1024);
  private readonly slotTouched = new IntBuffer(1024);
  private slotCounter = 0;
  /** Key positions sorted by frequency, and the slots in the order their rarest key comes. */
  private readonly keyOrder: number[] = [];
  private readonly slotOrder: number[] = [];
  private readonly slotReach: number[] = [];
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
    // Best key weight of each slot, summed from the last slot back.
    const reachable = this.slotReach;
    reachable.length = slotCount + 1;
    reachable[slotCount] = 0;
    for (let o = slotCount - 1; o >= 0; o--) {
      let best = 0;
      for (let k = 0; k < keys.length; k++)
        if (slots[k] === slotOrder[o]) best = Math.max(best, keys[k]!.weight);
      reachable[o] = best + reachable[o + 1]!;
    }
    const opening = this.keyOpens;
    opening.length = keys.length;

    const touched = this.touched;
    const slotTouched = this.slotTouched;
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
      const slot = slotOrder[o]!;
      // Small tolerance: evidence is summed in single precision.
      const slotMayOpen =
        earlierBoosts + reachable[o]! >= Math.max(openFloor, bestSoFar * relativeFloor) * (1 - 1e-6);
      const slotStamp = this.nextSlotStamp();
      slotTouched.clear();
      const openedBefore = opened;
      let boostBest = 0;
      for (const k of order) {
        if (slots[k] !== slot) continue;
        const key = keys[k]!;
        const postings = key.postings;
        // Approximate keys (typos, sounds, variants) open fewer candidates than the token itself.
        const openLimit = key.exact ? this.commonKeyFrequency : this.commonKeyFrequency / 5;
        const opens = key.frequency <= openLimit || !openedBefore;
        if (opens && postings.length > 0) opened = true;
        opening[k] = opens && slotMayOpen ? 1 : 0;
        if (!opening[k]) {
          boostBest = Math.max(boostBest, key.weight);
          continue;
        }
        const weight = key.weight;
        for (let p = 0; p < postings.length; p++) {
          const alias = postings[p]!;
          const at = alias * STATE_FIELDS;
          if (slotStamps[alias] !== slotStamp) {
            slotStamps[alias] = slotStamp;
            values[at + SLOT_BEST] = weight;
            slotTouched.push(alias);
          } else if (values[at + SLOT_BEST]! < weight) values[at + SLOT_BEST] = weight;
        }
      }
      earlierBoosts += boostBest;
      for (let i = 0; i < slotTouched.length; i++) {
        const alias = slotTouched.at(i);
        const at = alias * STATE_FIELDS;
        if ((bits[alias >>> 5]! & (1 << (alias & 31))) === 0) {
          bits[alias >>> 5]! |= 1 << (alias & 31);
          stamps[at + TOUCHED_AT] = touched.length;
          values[at + EVIDENCE] = 0;
          const row = touched.length * slotCount;
          touched.push(alias);
          this.contributions.reserve(row + slotCount);
          const contributions = this.contributions.values;
          for (let c = row; c < row + slotCount; c++) contributions[c] = 0;
        }
        const gained = values[at + SLOT_BEST]!;
        this.contributions.values[stamps[at + TOUCHED_AT]! * slotCount + o] = gained;
        const evidence = values[at + EVIDENCE]! + gained;
        values[at + EVIDENCE] = evidence;
        if (evidence > bestSoFar) bestSoFar = evidence;
      }
    }
    this.boost(keys, slots, order, opening, slotCount);
    for (let i = 0; i < touched.length; i++) bits[touched.at(i) >>> 5] = 0;
    return touched;
  }

  /**
   * The boosting phase: each slot's keys that did not open add to the candidates holding them,
   * raising the slot's share of an alias's evidence to the best key it holds.
   */
  private boost(
    keys: readonly IndexKey[],
    slots: readonly number[],
    order: number[],
    opening: number[],
    slotCount: number,
  ): void {
    const touched = this.touched;
    const slotTouched = this.slotTouched;
    const stamps = this.stamps;
    const values = this.values;
    const bits = this.candidateBits;
    const contributions = this.contributions.values;
    for (let o = 0; o < slotCount; o++) {
      const slot = this.slotOrder[o]!;
      const slotStamp = this.nextSlotStamp();
      slotTouched.clear();
      for (const k of order) {
        if (slots[k] !== slot || opening[k]) continue;
        const key = keys[k]!;
        const postings = key.postings;
        const weight = key.weight;
        // Probe each candidate (a binary search each) when that reads less than the whole list.
        if (touched.length * (32 - Math.clz32(postings.length)) < postings.length) {
          for (let i = 0; i < touched.length; i++) {
            const alias = touched.at(i);
            if (contains(postings, alias)) this.holdBest(alias, weight, slotStamp);
          }
        } else {
          for (let p = 0; p < postings.length; p++) {
            const alias = postings[p]!;
            if ((bits[alias >>> 5]! & (1 << (alias & 31))) !== 0) this.holdBest(alias, weight, slotStamp);
          }
        }
      }
      for (let i = 0; i < slotTouched.length; i++) {
        const at = slotTouched.at(i) * STATE_FIELDS;
        const cell = stamps[at + TOUCHED_AT]! * slotCount + o;
        const gained = values[at + SLOT_BEST]! - contributions[cell]!;
        if (gained > 0) {
          contributions[cell] = values[at + SLOT_BEST]!;
          values[at + EVIDENCE]! += gained;
        }
      }
    }
  }

  /** Records that `alias` holds a key of weight `weight` in the current slot. */
  private holdBest(alias: number, weight: number, slotStamp: number): void {
    const at = alias * STATE_FIELDS;
    if (this.slotStamps[alias] !== slotStamp) {
      this.slotStamps[alias] = slotStamp;
      this.values[at + SLOT_BEST] = weight;
      this.slotTouched.push(alias);
    } else if (this.values[at + SLOT_BEST]! < weight) this.values[at + SLOT_BEST] = weight;
  }
}
