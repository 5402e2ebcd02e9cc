/**
 * Single-deletion variants of a token (the "symmetric delete" trick): two tokens within one edit
 * (substitution, insertion, deletion or adjacent transposition) share at least one variant, so
 * typo candidates come from hash lookups instead of comparing against the whole vocabulary.
 */

/**
 * Tokens shorter than this get no single-deletion keys: a letter replaced in a three-letter token
 * makes a different name or code (CEC is not CAC).
 */
export const minFuzzyTokenLength = 4;

/**
 * Three-letter tokens are keyed under their letters with two neighbours swapped instead: the same
 * letters mistyped ("GRK" for "GKR", "EP-MCN" for "EP-MNC"), which the matcher takes for a slip.
 */
export const swappedTokenLength = 3;

/**
 * Only three-letter tokens held by at most this many aliases get swap keys: codes and rare words.
 * A word many names hold (Ali, Abu, Lee) is a word of its own, its swap as often another word (Lai)
 * as a typo; and a key that common only boosts candidates other keys open, while walking its long
 * posting list would cost every query holding the swapped word.
 */
export const maxSwappedTokenFrequency = 50;

/** The distinct strings obtained by deleting one character. */
export function singleDeletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) {
    // A run of equal letters gives the same variant for each of its positions.
    if (i > 0 && token[i] === token[i - 1]) continue;
    out.push(token.slice(0, i) + token.slice(i + 1));
  }
  return out;
}

/** The distinct strings obtained by swapping two neighbouring, different characters. */
export function neighbourSwaps(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < token.length; i++) {
    if (token[i] === token[i + 1]) continue;
    const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
    if (!out.includes(swapped)) out.push(swapped);
  }
  return out;
}

/**
 * The keys a vocabulary token held by `frequency` aliases is filed under for typo neighbours. A
 * query token is looked up as a key itself (besides its own deletions), so it finds the list tokens
 * it is one letter short of and, from three letters, the rare list tokens it is a swap of.
 * @example fuzzyKeys('mnc', 2) // ['nmc', 'mcn']
 * @example fuzzyKeys('nadia', 40) // ['adia', 'ndia', 'naia', 'nada', 'nadi']
 */
export function fuzzyKeys(token: string, frequency: number): string[] {
  if (token.length >= minFuzzyTokenLength) return singleDeletions(token);
  return token.length === swappedTokenLength && frequency <= maxSwappedTokenFrequency
    ? neighbourSwaps(token)
    : [];
}
