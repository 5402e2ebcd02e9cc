/**
 * Organisation-only rules: legal forms from different families (AG vs GmbH) and numbers that
 * disagree ("Brigade 44" vs "Brigade 45") lower an aligned score; an acronym made of the leading
 * letters of the words ("KOMID") stands for the name.
 */
import { jurisdictionWords, orgCommonWords, orgStopwords } from '../normalize/index.js';
import {
  LEGAL_FORM_FAMILY_FACTOR,
  LEGAL_FORM_VARIANT_FACTOR,
  NUMBER_CONFLICT_FACTOR,
  NUMBER_EXTRA_FACTOR,
  SAME_PART_SIMILARITY,
  SYLLABLE_ACRONYM_SCORE,
} from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';
import type { Alignment } from './token-alignment.js';

/** Multiplier for legal forms: 1 when either side has none or they agree. */
export function legalFormFactor(q: PreparedName, c: PreparedName): number {
  if (q.legalForms.length === 0 || c.legalForms.length === 0) return 1;
  let sameFamily = false;
  for (const x of q.legalForms) {
    for (const y of c.legalForms) {
      if (x.canonical === y.canonical) return 1;
      if (x.family === y.family) sameFamily = true;
    }
  }
  return sameFamily ? LEGAL_FORM_VARIANT_FACTOR : LEGAL_FORM_FAMILY_FACTOR;
}

/** A number in digits or a Roman series numeral ("Fund III"). */
function isNumber(name: PreparedName, k: number): boolean {
  return name.numeric[k]! || (name.seriesNumbers?.[k] ?? 0) > 0;
}

/** Multiplier for numbers: each disagreeing or one-sided number lowers the score. */
export function numberFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  let factor = 1;
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    // Digits agree or not (similarity 1 or 0); a numeral's letters may be a typo of the other's
    // (IIII for III) and two series numerals of organisations another series of one name.
    if ((isNumber(q, i) || isNumber(c, j)) && a.similarity[p]! < SAME_PART_SIMILARITY)
      factor *= NUMBER_CONFLICT_FACTOR;
  }
  for (let i = 0; i < q.keyTokens.length && i < a.queryUsed.length; i++) {
    if (isNumber(q, i) && !a.queryUsed[i]) factor *= NUMBER_EXTRA_FACTOR;
  }
  for (let j = 0; j < c.keyTokens.length && j < a.candidateUsed.length; j++) {
    if (isNumber(c, j) && !a.candidateUsed[j]) factor *= NUMBER_EXTRA_FACTOR;
  }
  return factor;
}

/** Both organisation multipliers. */
export function orgFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  return legalFormFactor(q, c) * numberFactor(q, c, a);
}

/** A syllable acronym has at least this many letters and gathers at least this many words. */
const SYLLABLE_ACRONYM_LETTERS = 5;
const SYLLABLE_ACRONYM_WORDS = 3;
/** Letters a word gives a syllable acronym at most ("KO" of Korea, "NOR" of North). */
const SYLLABLE_LETTERS = 3;

/**
 * An acronym of leading syllables: KOMID is KOrea MIning Development (Trading Corporation), NORINCO
 * NORth INdustries COrporation. Every word of the name gives its first one to three letters, in
 * order, except common organisation words, countries, function words and legal forms, which may
 * give nothing; at least three words give letters and two of them more than one (else it is the
 * initials rule). Weaker than initials (SYLLABLE_ACRONYM_SCORE), since the split is free.
 * @example syllableAcronymScore('komid', ['korea', 'mining', 'development', 'trading', 'corporation'], key) // 0.8
 */
export function syllableAcronymScore(
  acronym: string,
  tokens: readonly string[],
  key: readonly string[],
): number {
  if (acronym.length < SYLLABLE_ACRONYM_LETTERS || tokens.length < SYLLABLE_ACRONYM_WORDS) return 0;
  return leadingSyllables(acronym, tokens, key, 0, 0, 0, 0) ? SYLLABLE_ACRONYM_SCORE : 0;
}

function leadingSyllables(
  acronym: string,
  tokens: readonly string[],
  key: readonly string[],
  i: number,
  k: number,
  words: number,
  syllables: number,
): boolean {
  if (i === tokens.length) return k === acronym.length && words >= SYLLABLE_ACRONYM_WORDS && syllables >= 2;
  const word = tokens[i]!;
  for (let n = 1; n <= SYLLABLE_LETTERS && n <= word.length && k + n <= acronym.length; n++) {
    if (word[n - 1] !== acronym[k + n - 1]) break;
    if (leadingSyllables(acronym, tokens, key, i + 1, k + n, words + 1, syllables + (n > 1 ? 1 : 0)))
      return true;
  }
  const optional =
    !key.includes(word) || orgStopwords.has(word) || orgCommonWords.has(word) || jurisdictionWords.has(word);
  return optional && leadingSyllables(acronym, tokens, key, i + 1, k, words, syllables);
}
