/** Key conventions the index builder and the built index must share. */

/** Variant groups share the token posting lists under a key no real token can have. */
export function variantKey(group: number): string {
  return `\u0001${group}`;
}

/**
 * A whole name's key: its key tokens in order, under a key no real token can have. Every alias is
 * also filed under it, so a query written as a list name finds that alias however common its words
 * are ("OMAR", "Abdul Rahman": each word is held by hundreds of aliases, and rarer typo neighbours
 * of it outweigh it in the evidence ranking).
 */
export function wholeNameKey(keyTokens: readonly string[]): string {
  return `\u0001 ${keyTokens.join(' ')}`;
}

/** Inverse document frequency of a key held by `frequency` of `aliasCount` aliases. */
export function tokenRarity(aliasCount: number, frequency: number): number {
  return Math.log((aliasCount + 1) / (frequency + 0.5));
}
