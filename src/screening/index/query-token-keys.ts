/**
 * The index keys of one query token — the token itself, its typo neighbours, its sound, its
 * given-name variant group, and the two list words it may be split into — looked up once and
 * remembered. Customer files repeat their words (given names, common surnames), so a warm index
 * answers most query tokens with a single hash lookup instead of a dozen.
 */
import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { repeatedSoundKey, tokenRarity, variantKey } from './name-index-keys.js';
import { PostingListBuilder, type PostingLists } from './posting-lists.js';

/**
 * One key of the index a query token opens or boosts candidates through. Its aliases are read in
 * place in the posting lists' one documents array: a view of its own per key was one more object
 * per key to allocate, keep in the token cache and fetch from memory on every query.
 */
export interface IndexKey {
  /** The documents of every key of the key's posting lists (see `PostingLists.allDocuments`). */
  readonly documents: Int32Array;
  /** The aliases holding the key, ascending: documents[first] … documents[end - 1]. */
  readonly first: number;
  readonly end: number;
  /** Evidence an alias earns by holding the key. */
  readonly weight: number;
  /** How many aliases hold it. */
  readonly frequency: number;
  /** The query token itself (not a typo neighbour, sound, variant, join or split). */
  readonly exact: boolean;
  /**
   * The key is one list word (the token, a typo neighbour, a joined-particle or shortened form),
   * not a class of words (a sound, a given-name variant group) an alias may hold twice.
   */
  readonly oneWord: boolean;
}

/** Everything the index knows about one query token. */
export interface TokenKeys {
  readonly token: string;
  /** The phonetic code and variant group the keys were computed for. */
  readonly code: string;
  readonly group: number;
  /** The token is a list word (a key token of some alias). */
  readonly inList: boolean;
  /** Keys sharing the token's slot: exact, typo neighbours, sound, variant. */
  readonly keys: readonly IndexKey[];
  /** What the token weighs in the query (its best rarity; a token found nowhere counts as rare). */
  readonly weight: number;
  /** Keys of a split ("abdulhai" → "abdul" + "hai"), each half its own slot. */
  readonly splitKeys: readonly IndexKey[];
  /** Some longer list token starts with this one, so a join with the next token may exist. */
  readonly mayStartJoin: boolean;
}

const exactWeight = 1;
const fuzzyWeight = 0.8;
const phoneticWeight = 0.9;
const variantWeight = 0.8;
/** A shortened form ("Alex" ~ "Alexander") weighs a little less than a typo. */
const prefixWeight = 0.75;
/** Shortened forms share at least this many letters. */
const MIN_SHORTENED = 3;
/** A word that starts more list words than this is too short to say which one it shortens. */
const MAX_LONGER_FORMS = 12;
/** A split half weighs less: "abdul" alone says little. */
export const splitWeight = 0.45;
/** A join ("abdul hai" in the query, "abdulhai" in the list) weighs almost as a token. */
export const joinWeight = 0.9;

/**
 * Particles that names write joined to the next word as often as apart: "ELSHEIKH" / "El Sheikh",
 * "ALHASSAN" / "al-Hassan", "DELACRUZ" / "de la Cruz", "VANDAM" / "van Dam". The matcher compares
 * such pairs as the same part; the index must find them too.
 */
const JOINED_PARTICLES = ['al', 'el', 'ul', 'de', 'del', 'dela', 'delos', 'da', 'di', 'van', 'von'];
/** A particle is only split off a word that leaves at least this many letters. */
const MIN_PARTICLE_REMAINDER = 4;

/** The particle a word starts with (the longest), when enough of the word is left after it. */
function joinedParticle(word: string): string | undefined {
  let longest: string | undefined;
  for (const particle of JOINED_PARTICLES) {
    if (word.length >= particle.length + MIN_PARTICLE_REMAINDER && word.startsWith(particle)) {
      if (!longest || particle.length > longest.length) longest = particle;
    }
  }
  return longest;
}

/** The words of a vocabulary (not variant or other internal keys, which start with \u0001), sorted. */
export function sortedRealWords(vocabulary: readonly string[]): string[] {
  return vocabulary.filter((t) => t !== undefined && t.charCodeAt(0) !== 1).sort();
}

/**
 * List words written with a joined particle, by the word without it ("sheikh" → the token id of
 * "elsheikh"), each key's ids in the words' sorted order. Built with the index and kept in its
 * snapshot, so opening an index does not walk the vocabulary.
 */
export function buildJoinedForms(sortedWords: readonly string[], tokens: PostingLists): PostingLists {
  const forms = new PostingListBuilder();
  for (const word of sortedWords) {
    const particle = joinedParticle(word);
    if (!particle) continue;
    const id = tokens.id(word);
    if (id !== undefined) forms.add(word.slice(particle.length), id);
  }
  return forms.build();
}

/** Query tokens remembered; the cache starts afresh when full, bounding memory on endless streams. */
const cacheSize = 100_000;

/** Computes and caches the keys of query tokens against one built index. */
export class QueryTokenKeys {
  private readonly cache = new Map<string, TokenKeys>();
  /** Real words of the vocabulary, sorted, to answer "does any list word start with this?". */
  private readonly sortedWords: string[];
  /** See `buildJoinedForms`. */
  readonly joinedForms: PostingLists;

  constructor(
    private readonly tokens: PostingLists,
    private readonly phonetics: PostingLists,
    private readonly fuzzy: FuzzyVocabulary,
    vocabulary: readonly string[],
    private readonly aliasCount: number,
    /** The real words of `vocabulary`, sorted, when already known (a loaded snapshot). */
    sortedWords?: string[],
    /** `buildJoinedForms` of the words, when already known (a loaded snapshot). */
    joinedForms?: PostingLists,
  ) {
    this.sortedWords = sortedWords ?? sortedRealWords(vocabulary);
    this.joinedForms = joinedForms ?? buildJoinedForms(this.sortedWords, tokens);
  }

  /** The sorted real words (kept in a snapshot so loading need not sort them again). */
  get sortedWordList(): string[] {
    return this.sortedWords;
  }

  /** Token ids of the list words that are the token with a joined particle, then of the token without its own. */
  private particleForms(token: string): number[] {
    const ids: number[] = [];
    const joined = this.joinedForms.id(token);
    if (joined !== undefined) for (const id of this.joinedForms.postings(joined)) ids.push(id);
    const particle = joinedParticle(token);
    if (particle) {
      const bare = this.tokens.id(token.slice(particle.length));
      if (bare !== undefined) ids.push(bare);
    }
    return ids;
  }

  /** Inverse document frequency of a key held by `frequency` aliases. */
  rarity(frequency: number): number {
    return tokenRarity(this.aliasCount, frequency);
  }

  /** The keys of `token` with phonetic `code` and variant `group` (cached). */
  of(token: string, code: string, group: number): TokenKeys {
    const held = this.cache.get(token);
    if (held !== undefined && held.code === code && held.group === group) return held;
    const computed = this.compute(token, code, group);
    if (held === undefined) {
      if (this.cache.size >= cacheSize) this.cache.clear();
      this.cache.set(token, computed);
    }
    return computed;
  }

  /**
   * The key of the `occurrence`-th query word of sound `code` (2 or more): the aliases holding that
   * many words of the sound, weighed as the sound itself; undefined when none does.
   */
  repeatedSoundKey(code: string, occurrence: number): IndexKey | undefined {
    const base = this.phonetics.id(code);
    const id = this.phonetics.id(repeatedSoundKey(code, occurrence));
    if (base === undefined || id === undefined) return undefined;
    return this.key(this.phonetics, id, phoneticWeight, false, false, this.phonetics.frequency(base));
  }

  /** The key of a whole list token, or undefined when no alias holds it. */
  wordKey(word: string, factor: number): IndexKey | undefined {
    const id = this.tokens.id(word);
    return id === undefined ? undefined : this.key(this.tokens, id, factor, false);
  }

  /** `weighedAs`: the frequency the key's weight follows (its own, but for `repeatedSoundKey`). */
  private key(
    lists: PostingLists,
    id: number,
    factor: number,
    exact: boolean,
    oneWord = true,
    weighedAs = lists.frequency(id),
  ): IndexKey {
    const frequency = lists.frequency(id);
    const first = lists.firstDocument(id);
    return {
      documents: lists.allDocuments,
      first,
      end: first + frequency,
      weight: factor * this.rarity(weighedAs),
      frequency,
      exact,
      oneWord,
    };
  }

  private compute(token: string, code: string, group: number): TokenKeys {
    const keys: IndexKey[] = [];
    let weight = 0;
    const exact = this.tokens.id(token);
    if (exact !== undefined) {
      keys.push(this.key(this.tokens, exact, exactWeight, true));
      weight = this.rarity(this.tokens.frequency(exact));
    }
    for (const id of this.fuzzy.neighbours(token, exact)) {
      keys.push(this.key(this.tokens, id, fuzzyWeight, false));
      weight = Math.max(weight, this.rarity(this.tokens.frequency(id)));
    }
    // A token found nowhere still counts towards the query's weight, as a rare token would.
    weight ||= this.rarity(1);
    if (code) {
      const id = this.phonetics.id(code);
      if (id !== undefined) {
        keys.push(this.key(this.phonetics, id, phoneticWeight, false, false));
        weight = Math.max(weight, this.rarity(this.phonetics.frequency(id)));
      }
    }
    if (group) {
      const id = this.tokens.id(variantKey(group));
      if (id !== undefined) {
        keys.push(this.key(this.tokens, id, variantWeight, false, false));
        weight = Math.max(weight, this.rarity(this.tokens.frequency(id)));
      }
    }
    for (const id of this.particleForms(token)) {
      if (id === exact) continue;
      keys.push(this.key(this.tokens, id, joinWeight, false));
      weight = Math.max(weight, this.rarity(this.tokens.frequency(id)));
    }
    // Longer list words the token starts sit together right after where the token would sort.
    const after = this.firstAfter(token);
    for (const id of this.shortenedForms(token, after)) {
      keys.push(this.key(this.tokens, id, prefixWeight, false));
      weight = Math.max(weight, this.rarity(this.tokens.frequency(id)));
    }
    return {
      token,
      code,
      group,
      inList: exact !== undefined,
      keys,
      weight,
      splitKeys: this.splitKeys(token, exact),
      mayStartJoin: this.sortedWords[after]?.startsWith(token) ?? false,
    };
  }

  /** "abdulhai" in the query may be "abdul hai" in the list: both halves must be list tokens. */
  private splitKeys(token: string, exact: number | undefined): IndexKey[] {
    if (token.length < 6) return [];
    // A query token the list knows as a word (more than a couple of times) is rarely split there.
    if (exact !== undefined && this.tokens.frequency(exact) > 2) return [];
    const keys: IndexKey[] = [];
    let found = 0;
    for (let cut = 3; cut <= token.length - 3 && found < 2; cut++) {
      const left = this.tokens.id(token.slice(0, cut));
      if (left === undefined) continue;
      const right = this.tokens.id(token.slice(cut));
      if (right === undefined) continue;
      found++;
      keys.push(this.key(this.tokens, left, splitWeight, false));
      keys.push(this.key(this.tokens, right, splitWeight, false));
    }
    return keys;
  }

  /** Position of the first vocabulary word sorting after `token`: longer words it starts begin there. */
  private firstAfter(token: string): number {
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]! <= token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * List words that are a shortened form of the token or that it shortens ("Akhund" ~ "Akhundzada",
   * "Agha" ~ "Aghajani"), as the matcher accepts them: at least three letters shared, two more on
   * the longer side. A short word starting dozens of list words identifies nothing and gets none.
   * `start` is where the token would sort among the list words (`firstAfter`).
   */
  private shortenedForms(token: string, start: number): number[] {
    if (token.length < MIN_SHORTENED) return [];
    const ids: number[] = [];
    const words = this.sortedWords;
    let end = start;
    while (end < words.length && words[end]!.startsWith(token)) end++;
    if (end - start <= MAX_LONGER_FORMS) {
      for (let w = start; w < end; w++) {
        if (words[w]!.length < token.length + 2) continue;
        const id = this.tokens.id(words[w]!);
        if (id !== undefined) ids.push(id);
      }
    }
    for (let length = MIN_SHORTENED; length <= token.length - 2; length++) {
      const id = this.tokens.id(token.slice(0, length));
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }
}
