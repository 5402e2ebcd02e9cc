/**
 * Initials written together as one word ("JK Rowling", "Putin VV", "George HW Bush"): lists and
 * customers drop the dots and spaces between initials, and the letters then read as one short word
 * that matches no given name. A personal-name word of two or three letters without a vowel is not
 * a name anyone is called by, so it is read as that many initials — unless it is a given-name
 * abbreviation (Md, Wm) or the surname Ng.
 */
import { nameVariantGroup } from './name-variants.js';

/** Letters that make a short word pronounceable; a word without any is a run of initials. */
const VOWEL = /[aeiouy]/;
const LETTERS = /^[a-z]{2,3}$/;
/** Vowel-less personal-name words that are names: the Cantonese and Vietnamese surnames. */
const NAMES_WITHOUT_VOWELS: ReadonlySet<string> = new Set(['ng', 'hng']);

/**
 * The key tokens with every run of joined initials split into single letters, or undefined when
 * the name has none, or nothing besides them (a bare "JK" is a code, not a name).
 * @example splitJoinedInitials(['jk', 'rowling']) // ['j', 'k', 'rowling']
 */
export function splitJoinedInitials(keyTokens: readonly string[]): string[] | undefined {
  let found = false;
  let words = 0;
  for (const t of keyTokens) {
    if (isJoinedInitials(t)) found = true;
    else if (t.length > 2) words++;
  }
  if (!found || words === 0) return undefined;
  // Pushed one by one: flatMap gives a holey array, and the scorer's code, optimised for the packed
  // key-token arrays of every other name, was deoptimised wholesale by the first one it met.
  const out: string[] = [];
  for (const t of keyTokens) {
    if (isJoinedInitials(t)) for (const letter of t) out.push(letter);
    else out.push(t);
  }
  return out;
}

/** A word of two or three letters without a vowel that is not a known name ("jk", "hw", "jrr"). */
export function isJoinedInitials(token: string): boolean {
  return (
    LETTERS.test(token) &&
    !VOWEL.test(token) &&
    !NAMES_WITHOUT_VOWELS.has(token) &&
    !nameVariantGroup.has(token)
  );
}
