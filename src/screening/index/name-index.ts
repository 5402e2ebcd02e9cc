/**
 * The name index: finds, for a query name, the few list aliases worth full scoring, without
 * scanning the list. Keys are whole tokens, phonetic codes, single-deletion variants of tokens
 * (typos), and joined/split token pairs; rare keys open candidates, very common keys (such as
 * "mohammed" or "trading") only add evidence to candidates a rarer key already opened.
 */
import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { identifierKey } from './identifier-key.js';
import { FloatBuffer, IntBuffer } from './int-buffer.js';
import type { PostingLists } from './posting-lists.js';
import { type IndexKey, joinWeight, QueryTokenKeys, type TokenKeys } from './query-token-keys.js';

/** What the index needs of a prepared name: its distinctive tokens and, aligned with them, keys of sounds and variants. */
export interface IndexableName {
  /** Normalised tokens that carry the name (legal forms and stopwords already removed). */
  keyTokens: readonly string[];
  /** Phonetic code of each key token (same order; empty string for none). */
  phonetic: readonly string[];
  /** Given-name variant group of each key token (0 = none), so "Joseph" finds "José". */
  variantGroups?: readonly number[];
}

/** Tuning of candidate generation; the defaults suit lists from a few thousand to a million aliases. */
export interface CandidateOptions {
  /** At most this many aliases are returned for full scoring. */
  limit?: number;
  /** Aliases with less than this share of the best candidate's evidence are dropped. */
  relativeFloor?: number;
  /** Aliases with less than this share of the query's total key weight are dropped. */
  coverageFloor?: number;
  /**
   * Aliases whose shared evidence is less than this share of the query's and the alias's weights
   * together (a Dice coefficient over token rarity) are dropped: a long alias sharing one word
   * with the query is not worth scoring.
   */
  diceFloor?: number;
}

export interface Candidates {
  /** Alias ids, best evidence first. */
  aliases: Int32Array;
  /** Entities found by an exact identifier, whatever their names. */
  identifierEntities: number[];
}

/** Fields of an alias's scratch state (see NameIndex.stamps). */
const STATE_FIELDS = 4;
const SLOT_STAMP = 0;
const SLOT_BEST = 1;
/** The alias's position among the query's candidates (its row of slot contributions). */
const TOUCHED_AT = 2;
const EVIDENCE = 3;

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

/**
 * The built index. Not safe for concurrent queries from several threads (it owns scratch
 * arrays); each worker builds or receives its own.
 */
export class NameIndex {
  /**
   * Per-alias scratch state, four 32-bit fields side by side so a posting touches one cache line:
   * [SLOT_STAMP] int, [SLOT_BEST] float, [TOUCHED_AT] int, [EVIDENCE] float (valid while the
   * alias's candidate bit is set). The same buffer is read as ints (`stamps`) and floats (`values`).
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
  private readonly tokenKeys: QueryTokenKeys;
  /** This query's keys and their slots (one slot per query token, join or split half), reused. */
  private readonly queryKeys: IndexKey[] = [];
  private readonly querySlots: number[] = [];
  /** Key positions sorted by frequency, and the slots in the order their rarest key comes. */
  private readonly keyOrder: number[] = [];
  private readonly slotOrder: number[] = [];
  private readonly slotReach: number[] = [];
  /** 1 where the query key opened candidates in the opening phase. */
  private readonly keyOpens: number[] = [];
  /** What each slot gave each candidate (row = candidate, column = slot rank). */
  private readonly contributions = new FloatBuffer(4096);
  private readonly queryTokens: TokenKeys[] = [];
  /** Keys held by more aliases than this only boost candidates opened by rarer keys. */
  readonly commonKeyFrequency: number;

  constructor(
    private readonly tokens: PostingLists,
    private readonly phonetics: PostingLists,
    private readonly fuzzy: FuzzyVocabulary,
    private readonly vocabulary: string[],
    private readonly aliasEntity: Int32Array,
    private readonly entityFirstAlias: Int32Array,
    readonly entityCount: number,
    private readonly identifiers: Map<string, number[]>,
    private readonly aliasWeight: Float32Array,
  ) {
    const n = aliasEntity.length;
    this.tokenKeys = new QueryTokenKeys(tokens, phonetics, fuzzy, vocabulary, n);
    this.stamps = new Int32Array(n * STATE_FIELDS);
    this.values = new Float32Array(this.stamps.buffer);
    this.candidateBits = new Int32Array((n >>> 5) + 1);
    this.commonKeyFrequency = Math.max(500, Math.ceil(n * 0.005));
  }

  get aliasCount(): number {
    return this.aliasEntity.length;
  }

  /** The entity an alias belongs to. */
  entityOf(alias: number): number {
    return this.aliasEntity[alias]!;
  }

  /** The alias ids of an entity. */
  aliasesOf(entity: number): { first: number; end: number } {
    return { first: this.entityFirstAlias[entity]!, end: this.entityFirstAlias[entity + 1]! };
  }

  /** Entities holding this identifier exactly (after normalisation). */
  entitiesWithIdentifier(value: string): number[] {
    const key = identifierKey(value);
    return key ? (this.identifiers.get(key) ?? []) : [];
  }

  /** Approximate bytes held in typed arrays (postings and scratch space). */
  get arrayBytes(): number {
    return (
      this.tokens.arrayBytes +
      this.phonetics.arrayBytes +
      this.fuzzy.arrayBytes +
      this.aliasEntity.byteLength +
      this.entityFirstAlias.byteLength +
      this.aliasEntity.length * 16
    );
  }

  /**
   * The aliases sharing enough rare evidence with the query, best first.
   * @example
   * const found = index.candidates({ keyTokens: ['guzman', 'joaquin'], phonetic: [] }, [], { limit: 50 });
   */
  candidates(
    query: IndexableName,
    identifierValues: readonly string[] = [],
    options: CandidateOptions = {},
  ): Candidates {
    const limit = options.limit ?? 50;
    const relativeFloor = options.relativeFloor ?? 0.35;
    const coverageFloor = options.coverageFloor ?? 0.3;
    const diceFloor = options.diceFloor ?? 0.4;
    const keys = this.queryKeys;
    const slots = this.querySlots;
    const tokens = this.queryTokens;
    keys.length = 0;
    slots.length = 0;
    tokens.length = 0;

    // One slot per distinct query token: its exact, typo, sound and variant keys compete in it.
    let totalWeight = 0;
    const n = query.keyTokens.length;
    for (let i = 0; i < n; i++) {
      const token = query.keyTokens[i]!;
      let repeated = false;
      for (let t = 0; t < tokens.length; t++) if (tokens[t]!.token === token) repeated = true;
      if (repeated) continue;
      const found = this.tokenKeys.of(token, query.phonetic[i] ?? '', query.variantGroups?.[i] ?? 0);
      const slot = tokens.length;
      tokens.push(found);
      for (const key of found.keys) this.pushKey(key, slot);
      totalWeight += found.weight;
    }
    // Joins and split halves get slots of their own and add nothing to the query's weight.
    let slotCount = tokens.length;
    for (let t = 0; t + 1 < tokens.length; t++) {
      if (!tokens[t]!.mayStartJoin) continue;
      const key = this.tokenKeys.wordKey(tokens[t]!.token + tokens[t + 1]!.token, joinWeight);
      if (key) this.pushKey(key, slotCount++);
    }
    for (const found of tokens) for (const key of found.splitKeys) this.pushKey(key, slotCount++);

    // Evidence below the coverage floor is dropped by selectBest, so it also bounds what may open.
    const touched = this.accumulate(totalWeight * coverageFloor, relativeFloor);
    const identifierEntities = this.identifierHits(query, identifierValues);
    return {
      aliases: this.selectBest(touched, totalWeight, limit, relativeFloor, coverageFloor, diceFloor),
      identifierEntities,
    };
  }

  private pushKey(key: IndexKey, slot: number): void {
    this.queryKeys.push(key);
    this.querySlots.push(slot);
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
  private accumulate(openFloor: number, relativeFloor: number): IntBuffer {
    const keys = this.queryKeys;
    const slots = this.querySlots;
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
      const slotStamp = ++this.slotCounter;
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
          const at = postings[p]! * STATE_FIELDS;
          if (stamps[at + SLOT_STAMP] !== slotStamp) {
            stamps[at + SLOT_STAMP] = slotStamp;
            values[at + SLOT_BEST] = weight;
            slotTouched.push(postings[p]!);
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
    this.boost(order, opening, slotCount);
    for (let i = 0; i < touched.length; i++) bits[touched.at(i) >>> 5] = 0;
    return touched;
  }

  /**
   * The boosting phase: each slot's keys that did not open add to the candidates holding them,
   * raising the slot's share of an alias's evidence to the best key it holds.
   */
  private boost(order: number[], opening: number[], slotCount: number): void {
    const keys = this.queryKeys;
    const slots = this.querySlots;
    const touched = this.touched;
    const slotTouched = this.slotTouched;
    const stamps = this.stamps;
    const values = this.values;
    const bits = this.candidateBits;
    const contributions = this.contributions.values;
    for (let o = 0; o < slotCount; o++) {
      const slot = this.slotOrder[o]!;
      const slotStamp = ++this.slotCounter;
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
    if (this.stamps[at + SLOT_STAMP] !== slotStamp) {
      this.stamps[at + SLOT_STAMP] = slotStamp;
      this.values[at + SLOT_BEST] = weight;
      this.slotTouched.push(alias);
    } else if (this.values[at + SLOT_BEST]! < weight) this.values[at + SLOT_BEST] = weight;
  }

  private evidenceOf(alias: number): number {
    return this.values[alias * STATE_FIELDS + EVIDENCE]!;
  }

  private selectBest(
    touched: IntBuffer,
    totalWeight: number,
    limit: number,
    relativeFloor: number,
    coverageFloor: number,
    diceFloor: number,
  ): Int32Array {
    let best = 0;
    for (let i = 0; i < touched.length; i++) best = Math.max(best, this.evidenceOf(touched.at(i)));
    const floor = Math.max(best * relativeFloor, totalWeight * coverageFloor);
    const kept: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      const alias = touched.at(i);
      const evidence = this.evidenceOf(alias);
      if (evidence < floor) continue;
      if (diceFloor > 0 && (2 * evidence) / (totalWeight + this.aliasWeight[alias]!) < diceFloor) continue;
      kept.push(alias);
    }
    kept.sort((a, b) => this.evidenceOf(b) - this.evidenceOf(a) || a - b);
    return Int32Array.from(kept.length > limit ? kept.slice(0, limit) : kept);
  }

  private identifierHits(query: IndexableName, identifierValues: readonly string[]): number[] {
    const found = new Set<number>();
    for (const value of identifierValues) for (const e of this.entitiesWithIdentifier(value)) found.add(e);
    // Vessel and aircraft queries often carry the IMO number or tail number in the name itself.
    for (const token of query.keyTokens) {
      if (/\d/.test(token)) for (const e of this.entitiesWithIdentifier(token)) found.add(e);
    }
    return [...found];
  }

  /** The vocabulary token behind a token id (for debugging and explanations). */
  token(id: number): string | undefined {
    return this.vocabulary[id];
  }
}
