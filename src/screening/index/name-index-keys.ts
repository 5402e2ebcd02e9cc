/** Key conventions the index builder and the built index must share. */
import { singleDeletions } from './deletion-neighbourhood.js';

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

/**
 * The key of the `occurrence`-th word of one sound in a name (2 or more; the first is the code
 * itself): "Katy Keeth" is filed under "kt" and "kt#2", so a query of two words of that sound finds
 * in its second word's slot only the aliases that hold two, as the scorer pairs words one to one.
 * Codes are letters: no code is such a key.
 */
export function repeatedSoundKey(code: string, occurrence: number): string {
  return `${code}#${occurrence}`;
}

/** Inverse document frequency of a key held by `frequency` of `aliasCount` aliases. */
export function tokenRarity(aliasCount: number, frequency: number): number {
  return Math.log((aliasCount + 1) / (frequency + 0.5));
}

/** Longest joined code keyed by `codeKeys`. */
const MAX_CODE_LENGTH = 8;

/**
 * A name of two or three words, one of them three letters or fewer ("EP-IBD", "HS STAR"): its words
 * joined, or undefined. A slip in a word that short leaves it without typo keys (those start at
 * four letters), so "EP-BD" or "H STAR" reached their listed name by its other, common word alone,
 * if at all; the joined code, keyed with its one-letter deletions (`codeKeys`), finds it.
 */
export function joinedCode(keyTokens: readonly string[]): string | undefined {
  const n = keyTokens.length;
  if (n < 2 || n > 3) return undefined;
  let short = false;
  let length = 0;
  for (const t of keyTokens) {
    if (t.length <= 3) short = true;
    length += t.length;
  }
  if (!short || length < 4 || length > MAX_CODE_LENGTH) return undefined;
  return keyTokens.join('');
}

/**
 * The keys a list name's joined code is filed under: the code, and apart from it its one-letter
 * deletions, under keys no real token can have.
 */
export function codeKeys(code: string): string[] {
  const keys = [`\u0001#=${code}`];
  for (const d of singleDeletions(code)) keys.push(`\u0001#-${d}`);
  return keys;
}

/**
 * The keys a query's joined code looks up: the code itself, the code as a list code with a letter
 * dropped, and each of its own deletions as a list code (a letter added). A replaced letter is
 * another code (XR-MKB is not XR-MKV), so deletions never meet deletions.
 */
export function queryCodeKeys(code: string): string[] {
  const keys = [`\u0001#=${code}`, `\u0001#-${code}`];
  for (const d of singleDeletions(code)) keys.push(`\u0001#=${d}`);
  return keys;
}
