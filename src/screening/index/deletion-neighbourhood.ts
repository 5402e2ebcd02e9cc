/**
 * Single-deletion variants of a token (the "symmetric delete" trick): two tokens within one edit
 * (substitution, insertion, deletion or adjacent transposition) share at least one variant, so
 * typo candidates come from hash lookups instead of comparing against the whole vocabulary.
 */

/** Tokens shorter than this get no fuzzy keys: one edit on a 3-letter token is a different name. */
export const minFuzzyTokenLength = 4;

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
