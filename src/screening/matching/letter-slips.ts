/**
 * One-slip typos between two words (a letter dropped, added or doubled, two neighbours swapped):
 * every letter still there in order says "the same word mistyped" more surely than a sound does.
 */
import { typoDistance } from '../normalize/index.js';

/**
 * Similarity of two words of four letters or more (for names other than people's, also a
 * three-letter code against four: "CCK" ~ "CCCK") that differ by one dropped, added or doubled
 * letter or two neighbouring letters swapped ("KADOS" ~ "ADOS", "MTOOR" ~ "MOTOR"): every letter
 * is still there in order, which says "the same word mistyped" more surely than a shared sound
 * (PHONETIC_SIMILARITY) does. A replaced letter is not a slip (Omar ~ Omer stays a spelling
 * difference). Between two personal names a letter added at the end is not one either (Juan ~
 * Juana, Daniel ~ Daniela are other names), and a letter dropped or added elsewhere is one only in
 * long names or when it doubles its neighbour. A company or vessel name has no such endings: its
 * last letter is dropped as easily as any other ("VERSO" ~ "VERSOR", "LNF" ~ "LNFM").
 */
export const SLIP_SIMILARITY = 0.9;
/**
 * Between personal names a dropped or added letter is a slip when the longer name has at least
 * this many letters (Kashlaf ~ Kahlaf, Muhammad ~ Muhamad): shorter names one letter apart are
 * often two names (Yasmin, Yasin; Imani, Mani), where only a doubled letter is a slip.
 */
export const PERSON_DROP_SLIP_LENGTH = 7;

/**
 * Whether two words are one slip apart in the sense of SLIP_SIMILARITY (`people`: both are personal
 * names, where a dropped or added letter counts only in long names or as a doubled letter, never at
 * the end; `code`: the two are codes written as names, where a letter added at the end makes the
 * next code of a series, EP-MHL after EP-MH, see CODE_SLIP_SCORE).
 * @example letterSlip('mtoor', 'motor', false) // true
 * @example letterSlip('verso', 'versor', false) // true
 */
export function letterSlip(x: string, y: string, people: boolean, code = false): boolean {
  if (typoDistance(x, y, 1) !== 1) return false;
  if (x.length === y.length) {
    let differ = 0;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differ++;
    return differ === 2;
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.startsWith(short) && (people || code)) return false;
  if (!people) return true;
  if (long.length >= PERSON_DROP_SLIP_LENGTH) return true;
  // Shorter personal names that differ by a letter are often two names (Yasmin, Yasin; Imani,
  // Mani): there only a doubled letter is a slip (Mohamed, Mohammed).
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  return k > 0 && long[k] === long[k - 1];
}

/**
 * Similarity of two personal names of four to six letters one of which lost a letter inside the
 * word, neither its first nor its last ("Tuesa" ~ "Tukesa", "Fawz" ~ "Fawaz", "Nio" ~ "Nico"):
 * every other letter is still there in order and both ends are in place, which says "the same name
 * mistyped" more surely than a shared sound between two spellings does (PHONETIC_SIMILARITY: "Tuesa"
 * sounds like "Tuso" with a letter dropped and another replaced, two edits). Below SLIP_SIMILARITY:
 * names that short one letter apart are also two names often enough (Yasmin, Yasin) to stay a step
 * under a slip in a long name. The ends are kept apart on purpose: a name's first letter is the one
 * typists least often get wrong, and a letter more or less at the end makes another name (Mina,
 * Amina; Juan, Juana).
 */
export const INNER_DROP_SIMILARITY = 0.89;

/** The shortest longer word in which a letter dropped inside counts (INNER_DROP_SIMILARITY). */
export const INNER_DROP_LENGTH = 4;

/**
 * Whether one word is the other with one letter dropped neither first nor last, the longer having
 * INNER_DROP_LENGTH letters or more.
 * @example innerLetterDropped('tuesa', 'tukesa') // true
 * @example innerLetterDropped('yasmi', 'yasmin') // false (the last letter)
 */
export function innerLetterDropped(x: string, y: string): boolean {
  if (x.length === y.length) return false;
  // Two conditionals, not a destructured tuple: asked for every pair of people's words compared.
  const short = x.length < y.length ? x : y;
  const long = x.length < y.length ? y : x;
  if (long.length !== short.length + 1 || long.length < INNER_DROP_LENGTH) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  return short.slice(k) === long.slice(k + 1);
}

/** Words of at most this many letters are "the same, barely" when one slip apart (shortSlip). */
export const SHORT_SLIP_LENGTH = 3;

/**
 * Two- and three-letter words one slip apart ("GAS" ~ "AGS", "DWC" ~ "DW", "TAN" ~ "ATN", "Ja" ~
 * "Jan", "Im" ~ "Kim"): by edit distance they are a third or half different, under the bar, yet a
 * typo of a short code or name must not make it a conflicting word. Counted as the same part at
 * the lowest similarity (SAME_PART_SIMILARITY, worth half a part), so the rest of the name has to
 * agree. A letter dropped or added counts in any name, at any place: in a three-letter word there
 * is no long name it could make another name of, and the rest of the name decides. Two letters
 * swapped count too; a replaced letter not in words of three letters (CEC is not CAC), but a vowel
 * for a vowel in two-letter words of names other than people's, where the vowel is the only letter
 * that varies ("FU YUAN YU 8648" ~ "FE YUAN YU 8648", "RA-78831" ~ "RI-78831").
 */
export function shortSlip(x: string, y: string, people: boolean): boolean {
  if (x.length < 2 || y.length < 2 || typoDistance(x, y, 1) !== 1) return false;
  if (x.length !== y.length) return true;
  let differ = 0;
  let at = 0;
  for (let k = 0; k < x.length; k++)
    if (x[k] !== y[k]) {
      differ++;
      at = k;
    }
  // One differing letter is a replacement: a slip only as a vowel for a vowel in a two-letter
  // word of a name other than a person's (FU ~ FE in a vessel series, RA ~ RI in a tail number).
  if (differ === 1) return !people && x.length === 2 && VOWELS.includes(x[at]!) && VOWELS.includes(y[at]!);
  return differ === 2; // two neighbours swapped
}

const VOWELS = 'aeiou';

/**
 * A lone letter against a two-letter word that ends with it ("U YUAN YU" ~ "FU YUAN YU", "K BRIZ"
 * ~ "RK BRIZ", "I, Chong Chol" ~ "RI, Chong Chol"): the word with its first letter dropped. It
 * reads as an initial, yet an initial stands for a word starting with it, so taken as one it would
 * conflict with the very word it was typed from. Counted as a short slip (the same part at the
 * lowest similarity), so the rest of the name has to agree.
 * @example firstLetterDropped('u', 'fu') // true
 * @example firstLetterDropped('f', 'fu') // false (an initial)
 */
export function firstLetterDropped(x: string, y: string): boolean {
  const [one, two] = x.length === 1 ? [x, y] : [y, x];
  return one.length === 1 && two.length === 2 && two[1] === one && two[0] !== one;
}
