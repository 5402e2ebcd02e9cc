/** Key conventions the index builder and the built index must share. */

/** Variant groups share the token posting lists under a key no real token can have. */
export function variantKey(group: number): string {
  return `\u0001${group}`;
}

/**
 * Aliases holding a word that starts with the letter `word` starts with share this key (never a
 * word itself): a query's initial ("J. K. Rowling") can be matched by any such word, so the key
 * says how much the initial identifies and adds to the aliases it may stand for. Undefined for a
 * word starting with a digit (the number of a vessel or fund is no initial).
 */
export function initialKey(word: string): string | undefined {
  const code = word.charCodeAt(0);
  return code >= 97 && code <= 122 ? `\u0001i${word[0]}` : undefined;
}

/** Inverse document frequency of a key held by `frequency` of `aliasCount` aliases. */
export function tokenRarity(aliasCount: number, frequency: number): number {
  return Math.log((aliasCount + 1) / (frequency + 0.5));
}
