/**
 * Typo neighbours of the index vocabulary: the list tokens within one edit of a query token, found
 * through shared single-deletion variants. Neighbours of tokens that are themselves in the
 * vocabulary are computed once and cached, so a warm index does no string work for them; those of
 * recent out-of-vocabulary query tokens are kept in a bounded cache.
 */
import { fuzzyKeys, minFuzzyTokenLength, singleDeletions } from './deletion-neighbourhood.js';
import { PostingListBuilder, type PostingLists } from './posting-lists.js';

/** A token may expand to at most this many neighbours (short tokens have many). */
export const maxFuzzyExpansions = 24;

const noNeighbours = new Int32Array(0);

/** Out-of-vocabulary tokens whose neighbours are remembered (customer names repeat their words). */
const unknownCacheSize = 20_000;

export class FuzzyVocabulary {
  private readonly cache: Array<Int32Array | undefined>;
  /** Neighbours of query tokens not in the vocabulary; bounded, cleared when full. */
  private readonly unknownCache = new Map<string, Int32Array>();

  /** `deletions` maps each fuzzy key of a vocabulary word (`fuzzyKeys`) to the words' token ids. */
  constructor(
    private readonly tokens: PostingLists,
    readonly deletions: PostingLists,
  ) {
    this.cache = new Array(tokens.keyCount);
  }

  /** `vocabulary[id]` is the token with that id in `tokens`; ids starting with \u0001 are not words. */
  static build(tokens: PostingLists, vocabulary: readonly string[]): FuzzyVocabulary {
    const deletions = new PostingListBuilder();
    // Token ids are added in ascending order so each variant's posting stays sorted.
    for (let id = 0; id < vocabulary.length; id++) {
      const token = vocabulary[id]!;
      if (token.charCodeAt(0) === 1) continue;
      for (const key of fuzzyKeys(token, tokens.frequency(id))) deletions.add(key, id);
    }
    return new FuzzyVocabulary(tokens, deletions.build());
  }

  get arrayBytes(): number {
    return this.deletions.arrayBytes;
  }

  /** Vocabulary token ids within one edit of `token` (never the token itself). */
  neighbours(token: string, tokenId: number | undefined): Int32Array {
    if (tokenId === undefined) {
      let known = this.unknownCache.get(token);
      if (!known) {
        known = this.compute(token, undefined);
        if (this.unknownCache.size >= unknownCacheSize) this.unknownCache.clear();
        this.unknownCache.set(token, known);
      }
      return known;
    }
    let found = this.cache[tokenId];
    if (!found) {
      found = this.compute(token, tokenId);
      this.cache[tokenId] = found;
    }
    return found;
  }

  private compute(token: string, tokenId: number | undefined): Int32Array {
    if (token.length < minFuzzyTokenLength - 1) return noNeighbours;
    const found = new Set<number>();
    const variants = singleDeletions(token);
    // The token itself first: a vocabulary word that is the token plus one letter (DAAR → DAVAR,
    // AKIN → MAKIN) is the nearest kind of neighbour, and the expansion cap must not cut it off
    // after the many words that share a shorter deletion. From three letters, as the matcher takes
    // a three-letter code against a four-letter one for a slip.
    if (token.length >= minFuzzyTokenLength - 1) variants.unshift(token);
    for (const variant of variants) {
      // A vocabulary token equal to the query minus one letter.
      if (variant !== token && variant.length >= minFuzzyTokenLength - 1) {
        const shorter = this.tokens.id(variant);
        if (shorter !== undefined) found.add(shorter);
      }
      const shared = this.deletions.id(variant);
      if (shared === undefined) continue;
      for (const id of this.deletions.postings(shared)) {
        found.add(id);
        if (found.size > maxFuzzyExpansions) break;
      }
      if (found.size > maxFuzzyExpansions) break;
    }
    if (tokenId !== undefined) found.delete(tokenId);
    return found.size ? Int32Array.from(found) : noNeighbours;
  }
}
