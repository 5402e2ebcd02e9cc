/**
 * The name index: finds, for a query name, the few list aliases worth full scoring, without
 * scanning the list. Keys are whole tokens, phonetic codes, single-deletion variants of tokens
 * (typos), and joined/split token pairs; rare keys open candidates, very common keys (such as
 * "mohammed" or "trading") only add evidence to candidates a rarer key already opened.
 */
import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { identifierKey } from './identifier-key.js';
import { IntBuffer } from './int-buffer.js';
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
const QUERY_STAMP = 2;
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
   * [SLOT_STAMP] int, [SLOT_BEST] float, [QUERY_STAMP] int, [EVIDENCE] float. The same buffer is
   * read as ints (`stamps`) and floats (`values`).
   */
  private readonly stamps: Int32Array;
  private readonly values: Float32Array;
  /**
   * One bit per alias, set while the alias is a candidate of the current query: keys that only
   * add evidence scan their postings against these few kilobytes instead of the scratch state.
   */
  private readonly candidateBits: Int32Array;
  private stamp = 0;
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
   * Sums per-slot best evidence into each alias. Keys run rarest first; a common key opens new
   * candidates only when nothing rarer found any, so "mohammed" alone never floods the scorer
   * while "mohammed" beside a rare surname still ranks the alias holding both first.
   *
   * An alias first reached in a late slot can gain at most that slot's and the later slots' best
   * weights; when that cannot reach `openFloor`, nor `relativeFloor` of the best evidence so far
   * (what selectBest requires anyway), the slot only adds to aliases already found. The
   * candidates are the same, found with far fewer postings read.
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
    // Best key weight of each slot, then summed from the last slot back: what an alias first
    // reached in that slot can still gain.
    const reachable = this.slotReach;
    reachable.length = slotOrder.length;
    for (let o = slotOrder.length - 1; o >= 0; o--) {
      let best = 0;
      for (let k = 0; k < keys.length; k++)
        if (slots[k] === slotOrder[o]) best = Math.max(best, keys[k]!.weight);
      reachable[o] = best + (o + 1 < slotOrder.length ? reachable[o + 1]! : 0);
    }
    // Whether any key so far opened candidates (the rule "a common key opens only when nothing
    // rarer found any" must not depend on the pruning).
    let opened = false;
    let bestSoFar = 0;
    const stamp = ++this.stamp;
    const touched = this.touched;
    const slotTouched = this.slotTouched;
    touched.clear();
    slotTouched.clear();
    const stamps = this.stamps;
    const values = this.values;
    const bits = this.candidateBits;
    for (let o = 0; o < slotOrder.length; o++) {
      const slot = slotOrder[o]!;
      // Small tolerance: evidence is summed in single precision.
      const slotMayOpen = reachable[o]! >= Math.max(openFloor, bestSoFar * relativeFloor) * (1 - 1e-6);
      const slotStamp = ++this.slotCounter;
      const slotStart = slotTouched.length;
      const openedBefore = opened;
      for (const k of order) {
        if (slots[k] !== slot) continue;
        const key = keys[k]!;
        // Approximate keys (typos, sounds, variants) open fewer candidates than the token itself.
        const openLimit = key.exact ? this.commonKeyFrequency : this.commonKeyFrequency / 5;
        const postings = key.postings;
        const opens = key.frequency <= openLimit || !openedBefore;
        if (opens && postings.length > 0) opened = true;
        const mayOpen = opens && slotMayOpen;
        const weight = key.weight;
        // A key that only boosts: probe it for each candidate (a binary search each) when that reads
        // less than walking the whole posting list.
        if (!mayOpen && touched.length * (32 - Math.clz32(postings.length)) < postings.length) {
          for (let i = 0; i < touched.length; i++) {
            const alias = touched.at(i);
            if (!contains(postings, alias)) continue;
            const at = alias * STATE_FIELDS;
            if (stamps[at + SLOT_STAMP] !== slotStamp) {
              stamps[at + SLOT_STAMP] = slotStamp;
              values[at + SLOT_BEST] = weight;
              slotTouched.push(alias);
            } else if (values[at + SLOT_BEST]! < weight) values[at + SLOT_BEST] = weight;
          }
          continue;
        }
        for (let p = 0; p < postings.length; p++) {
          const alias = postings[p]!;
          if (!mayOpen && (bits[alias >>> 5]! & (1 << (alias & 31))) === 0) continue;
          const at = alias * STATE_FIELDS;
          if (stamps[at + SLOT_STAMP] !== slotStamp) {
            stamps[at + SLOT_STAMP] = slotStamp;
            values[at + SLOT_BEST] = weight;
            slotTouched.push(alias);
          } else if (values[at + SLOT_BEST]! < weight) values[at + SLOT_BEST] = weight;
        }
      }
      for (let i = slotStart; i < slotTouched.length; i++) {
        const at = slotTouched.at(i) * STATE_FIELDS;
        if (stamps[at + QUERY_STAMP] !== stamp) {
          stamps[at + QUERY_STAMP] = stamp;
          values[at + EVIDENCE] = 0;
          const alias = slotTouched.at(i);
          touched.push(alias);
          bits[alias >>> 5]! |= 1 << (alias & 31);
        }
        const evidence = values[at + EVIDENCE]! + values[at + SLOT_BEST]!;
        values[at + EVIDENCE] = evidence;
        if (evidence > bestSoFar) bestSoFar = evidence;
      }
    }
    for (let i = 0; i < touched.length; i++) bits[touched.at(i) >>> 5] = 0;
    return touched;
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
