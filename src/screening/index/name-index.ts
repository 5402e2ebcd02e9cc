/**
 * The name index: finds, for a query name, the few list aliases worth full scoring, without
 * scanning the list. Keys are whole tokens, phonetic codes, single-deletion variants of tokens
 * (typos), and joined/split token pairs; rare keys open candidates, very common keys (such as
 * "mohammed" or "trading") only add evidence to candidates a rarer key already opened.
 */
import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { identifierKey } from './identifier-key.js';
import { IntBuffer } from './int-buffer.js';
import { tokenRarity, variantKey } from './name-index-keys.js';
import type { PostingLists } from './posting-lists.js';

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

const exactWeight = 1;
const fuzzyWeight = 0.8;
const phoneticWeight = 0.9;
const variantWeight = 0.8;
const joinWeight = 0.9;
const splitWeight = 0.45;

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

/** One key looked up for a query, with the weight an alias earns by holding it. */
interface QueryKey {
  slot: number;
  postings: Int32Array;
  weight: number;
  frequency: number;
  /** The query token itself (not a typo neighbour, sound, variant, join or split). */
  exact?: boolean;
}

/**
 * The built index. Not safe for concurrent queries from several threads (it owns scratch
 * arrays); each worker builds or receives its own.
 */
export class NameIndex {
  private readonly evidence: Float32Array;
  private readonly slotBest: Float32Array;
  private readonly slotStamp: Int32Array;
  private readonly queryStamp: Int32Array;
  private stamp = 0;
  private readonly touched = new IntBuffer(1024);
  private readonly slotTouched = new IntBuffer(1024);
  private slotCounter = 0;
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
    this.evidence = new Float32Array(n);
    this.slotBest = new Float32Array(n);
    this.slotStamp = new Int32Array(n);
    this.queryStamp = new Int32Array(n);
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

  /** Inverse document frequency of a posting of `frequency` aliases. */
  private rarity(frequency: number): number {
    return tokenRarity(this.aliasEntity.length, frequency);
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
    const keys: QueryKey[] = [];
    let totalWeight = 0;
    const slotWeights: number[] = [];

    const seenTokens = new Set<string>();
    const tokens: string[] = [];
    query.keyTokens.forEach((token, i) => {
      if (seenTokens.has(token)) return;
      seenTokens.add(token);
      tokens.push(token);
      const slot = slotWeights.length;
      let slotWeight = this.addTokenKeys(token, slot, keys);
      const code = query.phonetic[i];
      if (code)
        slotWeight = Math.max(slotWeight, this.addKey(this.phonetics, code, slot, phoneticWeight, keys));
      const group = query.variantGroups?.[i];
      if (group)
        slotWeight = Math.max(
          slotWeight,
          this.addKey(this.tokens, variantKey(group), slot, variantWeight, keys),
        );
      slotWeights.push(slotWeight);
    });
    for (const w of slotWeights) totalWeight += w;
    for (let i = 0; i + 1 < tokens.length; i++)
      this.addJoinKey(tokens[i]! + tokens[i + 1]!, slotWeights, keys);
    for (const token of tokens) this.addSplitKeys(token, slotWeights, keys);

    const touched = this.accumulate(keys);
    const identifierEntities = this.identifierHits(query, identifierValues);
    return {
      aliases: this.selectBest(touched, totalWeight, limit, relativeFloor, coverageFloor, diceFloor),
      identifierEntities,
    };
  }

  /** Adds one key's postings to a slot; returns the slot weight it implies (0 when absent). */
  private addKey(lists: PostingLists, key: string, slot: number, factor: number, keys: QueryKey[]): number {
    const id = lists.id(key);
    if (id === undefined) return 0;
    const frequency = lists.frequency(id);
    const rarity = this.rarity(frequency);
    keys.push({ slot, postings: lists.postings(id), weight: factor * rarity, frequency });
    return rarity;
  }

  /** Exact and one-edit keys of a query token; returns the token's weight (its best rarity). */
  private addTokenKeys(token: string, slot: number, keys: QueryKey[]): number {
    let slotWeight = 0;
    const exact = this.tokens.id(token);
    if (exact !== undefined) {
      const frequency = this.tokens.frequency(exact);
      slotWeight = exactWeight * this.rarity(frequency);
      keys.push({ slot, postings: this.tokens.postings(exact), weight: slotWeight, frequency, exact: true });
    }
    for (const id of this.fuzzy.neighbours(token, exact)) {
      const frequency = this.tokens.frequency(id);
      const weight = fuzzyWeight * this.rarity(frequency);
      keys.push({ slot, postings: this.tokens.postings(id), weight, frequency });
      slotWeight = Math.max(slotWeight, weight / fuzzyWeight);
    }
    // A token found nowhere still counts towards the query's weight, as a rare token would.
    return slotWeight || this.rarity(1);
  }

  /** "abdul hai" in the query may be "abdulhai" in the list. */
  private addJoinKey(joined: string, slotWeights: number[], keys: QueryKey[]): void {
    const id = this.tokens.id(joined);
    if (id === undefined) return;
    const frequency = this.tokens.frequency(id);
    keys.push({
      slot: slotWeights.length,
      postings: this.tokens.postings(id),
      weight: joinWeight * this.rarity(frequency),
      frequency,
    });
    slotWeights.push(0);
  }

  /** "abdulhai" in the query may be "abdul hai" in the list: both halves must be list tokens. */
  private addSplitKeys(token: string, slotWeights: number[], keys: QueryKey[]): void {
    if (token.length < 6) return;
    // A query token the list knows as a word (more than a couple of times) is rarely split there.
    const whole = this.tokens.id(token);
    if (whole !== undefined && this.tokens.frequency(whole) > 2) return;
    let found = 0;
    for (let cut = 3; cut <= token.length - 3 && found < 2; cut++) {
      const left = this.tokens.id(token.slice(0, cut));
      if (left === undefined) continue;
      const right = this.tokens.id(token.slice(cut));
      if (right === undefined) continue;
      found++;
      for (const id of [left, right]) {
        const frequency = this.tokens.frequency(id);
        keys.push({
          slot: slotWeights.length,
          postings: this.tokens.postings(id),
          weight: splitWeight * this.rarity(frequency),
          frequency,
        });
        slotWeights.push(0);
      }
    }
  }

  /**
   * Sums per-slot best evidence into each alias. Keys run rarest first; a common key opens new
   * candidates only when nothing rarer found any, so "mohammed" alone never floods the scorer
   * while "mohammed" beside a rare surname still ranks the alias holding both first.
   */
  private accumulate(keys: QueryKey[]): IntBuffer {
    keys.sort((a, b) => a.frequency - b.frequency);
    const stamp = ++this.stamp;
    const touched = this.touched;
    const slotTouched = this.slotTouched;
    touched.clear();
    slotTouched.clear();
    const bySlot = new Map<number, QueryKey[]>();
    const slotOrder: number[] = [];
    for (const key of keys) {
      const list = bySlot.get(key.slot);
      if (list) list.push(key);
      else {
        bySlot.set(key.slot, [key]);
        slotOrder.push(key.slot);
      }
    }
    for (const slot of slotOrder) {
      const slotKeys = bySlot.get(slot)!;
      const slotStamp = ++this.slotCounter;
      let slotTouchedCount = 0;
      for (const key of slotKeys) {
        // Approximate keys (typos, sounds, variants) open fewer candidates than the token itself.
        const openLimit = key.exact ? this.commonKeyFrequency : this.commonKeyFrequency / 5;
        const mayOpen = key.frequency <= openLimit || touched.length === 0;
        const postings = key.postings;
        if (!mayOpen && touched.length * 16 < postings.length) {
          // A common key only boosts: probe it for each candidate instead of walking it whole.
          for (let i = 0; i < touched.length; i++) {
            const alias = touched.at(i);
            if (!contains(postings, alias)) continue;
            if (this.slotStamp[alias] !== slotStamp) {
              this.slotStamp[alias] = slotStamp;
              this.slotBest[alias] = key.weight;
              slotTouched.push(alias);
              slotTouchedCount++;
            } else if (this.slotBest[alias]! < key.weight) this.slotBest[alias] = key.weight;
          }
          continue;
        }
        for (let p = 0; p < postings.length; p++) {
          const alias = postings[p]!;
          if (!mayOpen && this.queryStamp[alias] !== stamp) continue;
          if (this.slotStamp[alias] !== slotStamp) {
            this.slotStamp[alias] = slotStamp;
            this.slotBest[alias] = key.weight;
            slotTouched.push(alias);
            slotTouchedCount++;
          } else if (this.slotBest[alias]! < key.weight) this.slotBest[alias] = key.weight;
        }
      }
      for (let i = slotTouched.length - slotTouchedCount; i < slotTouched.length; i++) {
        const alias = slotTouched.at(i);
        if (this.queryStamp[alias] !== stamp) {
          this.queryStamp[alias] = stamp;
          this.evidence[alias] = 0;
          touched.push(alias);
        }
        this.evidence[alias]! += this.slotBest[alias]!;
      }
    }
    return touched;
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
    for (let i = 0; i < touched.length; i++) best = Math.max(best, this.evidence[touched.at(i)]!);
    const floor = Math.max(best * relativeFloor, totalWeight * coverageFloor);
    const kept: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      const alias = touched.at(i);
      const evidence = this.evidence[alias]!;
      if (evidence < floor) continue;
      if (diceFloor > 0 && (2 * evidence) / (totalWeight + this.aliasWeight[alias]!) < diceFloor) continue;
      kept.push(alias);
    }
    kept.sort((a, b) => this.evidence[b]! - this.evidence[a]! || a - b);
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
