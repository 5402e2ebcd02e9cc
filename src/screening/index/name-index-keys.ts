/** Key conventions the index builder and the built index must share. */

/** Variant groups share the token posting lists under a key no real token can have. */
export function variantKey(group: number): string {
  return `\u0001${group}`;
}

/** Inverse document frequency of a key held by `frequency` of `aliasCount` aliases. */
export function tokenRarity(aliasCount: number, frequency: number): number {
  return Math.log((aliasCount + 1) / (frequency + 0.5));
}
