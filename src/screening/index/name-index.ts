/**
 * The name index: finds, for a query name, the few list aliases worth full scoring, without
 * scanning the list. It looks up each query word's keys (`query-token-keys.ts`: the word, typo
 * neighbours, sound, variant, joined particles, splits) and joins of neighbouring words, sums the
 * evidence they give each alias (`candidate-evidence.ts`), a list word counting for one query word
 * (`word-slots.ts`), and keeps the aliases sharing enough of the query's rare evidence
 * (`candidate-selection.ts`).
 */
import { abdNameSlipJoin } from '../normalize/arabic-abd-names.js';
import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { identifierKey } from './identifier-key.js';
import { CandidateEvidence } from './candidate-evidence.js';
import { CandidateSelection } from './candidate-selection.js';
import { WordSlots } from './word-slots.js';
import { joinedCode, queryCodeKeys, wholeNameKey } from './name-index-keys.js';
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
  /**
   * Which form of the name each key token is in: 0 the name, then one number per nickname or
   * reading ("Yuan" and its Wade–Giles reading are two forms of one word). Absent: all the name.
   */
  parts?: readonly number[];
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

const DIGIT = /\d/;
const hasDigit = (token: string): boolean => DIGIT.test(token);
/** Shared by the queries that hit no identifier; never written to. */
const NO_ENTITIES: readonly number[] = [];

/** The parts of a built index (see `NameIndex.parts`). */
export interface NameIndexParts {
  tokens: PostingLists;
  phonetics: PostingLists;
  deletions: PostingLists;
  vocabulary: string[];
  sortedWords: string[];
  joinedForms: PostingLists;
  aliasEntity: Int32Array;
  entityFirstAlias: Int32Array;
  entityCount: number;
  identifiers: Map<string, number[]>;
  aliasWeight: Float32Array;
}

export interface Candidates {
  /** Alias ids: those holding the query's whole name as written, then by evidence, best first. */
  aliases: Int32Array;
  /** Entities found by an exact identifier, whatever their names. */
  identifierEntities: readonly number[];
}

/**
 * The built index. Not safe for concurrent queries from several threads (it owns scratch
 * arrays); each worker builds or receives its own.
 */
export class NameIndex {
  private readonly tokenKeys: QueryTokenKeys;
  private readonly evidence: CandidateEvidence;
  /** Picks the candidates worth scoring from the evidence (`candidate-selection.ts`). */
  private readonly selection: CandidateSelection;
  /** This query's keys and their slots (one slot per query token, join or split half), reused. */
  private readonly queryKeys: IndexKey[] = [];
  private readonly querySlots: number[] = [];
  private readonly queryTokens: TokenKeys[] = [];
  /** The form of the name (`IndexableName.parts`) each token slot of this query is in. */
  private readonly slotPart: number[] = [];
  /** Drops a list word's keys from all but one of the query slots reaching it (`word-slots.ts`). */
  private readonly wordSlots = new WordSlots();
  /** How many of `queryKeys` and `querySlots` are this query's. */
  private keyCount = 0;
  /** Keys held by more aliases than this only boost candidates opened by rarer keys. */
  readonly commonKeyFrequency: number;
  private vocabularyList: string[] | undefined;
  private identifierMap: Map<string, number[]> | undefined;

  constructor(
    private readonly tokens: PostingLists,
    private readonly phonetics: PostingLists,
    private readonly fuzzy: FuzzyVocabulary,
    /** The token of each token id; a function when opened from a snapshot (decoded on first use). */
    private readonly vocabularySource: string[] | (() => string[]),
    private readonly aliasEntity: Int32Array,
    private readonly entityFirstAlias: Int32Array,
    readonly entityCount: number,
    /** Entities by identifier key; a function when opened from a snapshot (decoded on first use). */
    private readonly identifierSource: Map<string, number[]> | (() => Map<string, number[]>),
    private readonly aliasWeight: Float32Array,
    /** The vocabulary's real words sorted, when a snapshot already holds them. */
    sortedWords?: string[],
    /** List words by the word without their joined particle, when a snapshot already holds them. */
    joinedForms?: PostingLists,
  ) {
    const n = aliasEntity.length;
    this.tokenKeys = new QueryTokenKeys(
      tokens,
      phonetics,
      fuzzy,
      sortedWords ?? this.vocabulary,
      n,
      sortedWords,
      joinedForms,
    );
    this.commonKeyFrequency = Math.max(500, Math.ceil(n * 0.005));
    this.evidence = new CandidateEvidence(n, this.commonKeyFrequency);
    this.selection = new CandidateSelection(this.evidence, aliasWeight);
  }

  /** The token of each token id (a one-name screen opened from a snapshot never needs it). */
  private get vocabulary(): string[] {
    this.vocabularyList ??=
      typeof this.vocabularySource === 'function' ? this.vocabularySource() : this.vocabularySource;
    return this.vocabularyList;
  }

  /** Entities by identifier key (decoded from a snapshot the first time a query holds an identifier). */
  private get identifiers(): Map<string, number[]> {
    this.identifierMap ??=
      typeof this.identifierSource === 'function' ? this.identifierSource() : this.identifierSource;
    return this.identifierMap;
  }

  /** Everything the index is made of, for writing a snapshot (`name-index-snapshot.ts`). */
  get parts(): NameIndexParts {
    return {
      tokens: this.tokens,
      phonetics: this.phonetics,
      deletions: this.fuzzy.deletions,
      vocabulary: this.vocabulary,
      sortedWords: this.tokenKeys.sortedWordList,
      joinedForms: this.tokenKeys.joinedForms,
      aliasEntity: this.aliasEntity,
      entityFirstAlias: this.entityFirstAlias,
      entityCount: this.entityCount,
      identifiers: this.identifiers,
      aliasWeight: this.aliasWeight,
    };
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
    // Filled from the start each query and never emptied: emptying a JS array drops its storage.
    this.keyCount = 0;
    const tokens = this.queryTokens;
    let tokenCount = 0;

    // One slot per distinct query token: its exact, typo, sound and variant keys compete in it.
    let totalWeight = 0;
    const n = query.keyTokens.length;
    for (let i = 0; i < n; i++) {
      const token = query.keyTokens[i]!;
      let repeated = false;
      for (let t = 0; t < tokenCount; t++) if (tokens[t]!.token === token) repeated = true;
      if (repeated) continue;
      const found = this.tokenKeys.of(token, query.phonetic[i] ?? '', query.variantGroups?.[i] ?? 0);
      const slot = tokenCount;
      tokens[tokenCount++] = found;
      const part = query.parts?.[i] ?? 0;
      this.slotPart[slot] = part;
      // The second word of one sound in a form of the name looks up the aliases holding two
      // (`repeatedSoundKey`); a reading's word is the same word again, not a second one.
      let occurrence = 1;
      if (found.code)
        for (let t = 0; t < slot; t++)
          if (tokens[t]!.code === found.code && this.slotPart[t] === part) occurrence++;
      for (const key of found.keys) {
        if (occurrence === 1 || key.documents !== this.phonetics.allDocuments) this.pushKey(key, slot);
        else {
          const repeated = this.tokenKeys.repeatedSoundKey(found.code, occurrence);
          if (repeated) this.pushKey(repeated, slot);
        }
      }
      totalWeight += found.weight;
    }
    this.keyCount = this.wordSlots.keepEachInOneSlot(
      this.queryKeys,
      this.querySlots,
      this.keyCount,
      this.slotPart,
    );
    // Joins and split halves get slots of their own and add nothing to the query's weight.
    let slotCount = tokenCount;
    for (let t = 0; t + 1 < tokenCount; t++) {
      if (tokens[t]!.mayStartJoin) {
        const key = this.tokenKeys.wordKey(tokens[t]!.token + tokens[t + 1]!.token, joinWeight);
        if (key) this.pushKey(key, slotCount++);
      }
      // An Abd- name the scorer reads across a slip ("Abdl Muthana", "Abd-a-Hakim" ~ "abdmuthana"):
      // the list word stands for each query word it joins, so it counts in each of their slots.
      const abd = abdNameSlipJoin(tokens[t]!.token, tokens[t + 1]!.token, tokens[t + 2]?.token);
      const abdKey = abd === undefined ? undefined : this.tokenKeys.wordKey(abd.joined, joinWeight);
      if (abdKey) for (let w = t; w < t + abd!.words; w++) this.pushKey(abdKey, w);
    }
    for (let t = 0; t < tokenCount; t++)
      for (const key of tokens[t]!.splitKeys) this.pushKey(key, slotCount++);
    // A short code's words joined ("EP-BD" as epbd ~ the listed EP-IBD): one slot, its keys competing.
    const code = joinedCode(query.keyTokens);
    if (code !== undefined) {
      let found = false;
      for (const k of queryCodeKeys(code)) {
        const key = this.tokenKeys.wordKey(k, joinWeight);
        if (key) {
          this.pushKey(key, slotCount);
          found = true;
        }
      }
      if (found) slotCount++;
    }

    // Evidence below the coverage floor is dropped by the selection, so it also bounds what may open.
    const count = this.evidence.accumulate(
      this.queryKeys,
      this.querySlots,
      totalWeight * coverageFloor,
      relativeFloor,
      this.keyCount,
    );
    const identifierEntities = this.identifierHits(query, identifierValues);
    return {
      aliases: this.withWholeNameHolders(
        query,
        this.selection.select(count, totalWeight, limit, relativeFloor, coverageFloor, diceFloor),
        limit,
        tokenCount,
      ),
      identifierEntities,
    };
  }

  /**
   * The aliases filed under the query's whole name (`wholeNameKey`, by alias id), then the
   * selected ones, `limit` in all: a list name screened as written is always scored against
   * itself, even when its words are so common that the evidence ranking fills the limit with other
   * aliases first. Such an alias scores 1.0; it takes the place of the last (weakest) candidate.
   */
  private withWholeNameHolders(
    query: IndexableName,
    selected: Int32Array,
    limit: number,
    /** How many of `queryTokens` are this query's. */
    tokenCount: number,
  ): Int32Array {
    if (query.keyTokens.length === 0) return selected;
    // An alias is filed under its whole name and under each of its words: a query holding a word
    // no alias holds has no whole name to look up (most customers' names), and builds no key.
    for (let t = 0; t < tokenCount; t++) if (!this.queryTokens[t]!.inList) return selected;
    const id = this.tokens.id(wholeNameKey(query.keyTokens));
    if (id === undefined) return selected;
    const holders = this.tokens.postings(id);
    const cap = Math.floor(limit);
    let missing = 0;
    for (let h = 0; h < holders.length && h < cap; h++) if (!selected.includes(holders[h]!)) missing++;
    if (missing === 0) return selected;
    const out = new Int32Array(Math.min(cap, selected.length + missing));
    let at = 0;
    for (let h = 0; h < holders.length && at < out.length; h++) out[at++] = holders[h]!;
    for (let s = 0; s < selected.length && at < out.length; s++)
      if (!holders.includes(selected[s]!)) out[at++] = selected[s]!;
    return out;
  }

  private pushKey(key: IndexKey, slot: number): void {
    this.queryKeys[this.keyCount] = key;
    this.querySlots[this.keyCount] = slot;
    this.keyCount++;
  }

  private identifierHits(query: IndexableName, identifierValues: readonly string[]): readonly number[] {
    // Most queries hold no identifier and no digit: nothing to look up, nothing to allocate.
    if (identifierValues.length === 0 && !query.keyTokens.some(hasDigit)) return NO_ENTITIES;
    const found = new Set<number>();
    for (const value of identifierValues) for (const e of this.entitiesWithIdentifier(value)) found.add(e);
    // Vessel and aircraft queries often carry the IMO number or tail number in the name itself.
    for (const token of query.keyTokens) {
      if (hasDigit(token)) for (const e of this.entitiesWithIdentifier(token)) found.add(e);
    }
    return [...found];
  }

  /** The vocabulary token behind a token id (for debugging and explanations). */
  token(id: number): string | undefined {
    return this.vocabulary[id];
  }
}
