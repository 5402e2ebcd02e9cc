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
/** Words that give a syllable acronym more than one letter, at least. */
const SYLLABLE_ACRONYM_SYLLABLES = 2;
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
  const search: AcronymSearch = {
    acronym,
    tokens,
    key,
    failed: new Uint8Array((tokens.length + 1) * (acronym.length + 1) * SEARCH_COUNTS),
  };
  return leadingSyllables(search, 0, 0, 0, 0) ? SYLLABLE_ACRONYM_SCORE : 0;
}

/**
 * One search, with the states already found to fail: without them a name of many words that may
 * give nothing (a common word written thirty times) is tried in every combination, exponential in
 * its length. Word and syllable counts are kept only up to what the rule asks for, so a state is
 * (word, letter, words, syllables) and each is tried once.
 */
interface AcronymSearch {
  acronym: string;
  tokens: readonly string[];
  key: readonly string[];
  failed: Uint8Array;
}
const SEARCH_COUNTS = (SYLLABLE_ACRONYM_WORDS + 1) * (SYLLABLE_ACRONYM_SYLLABLES + 1);

function leadingSyllables(s: AcronymSearch, i: number, k: number, words: number, syllables: number): boolean {
  const { acronym, tokens, key } = s;
  if (i === tokens.length)
    return k === acronym.length && words >= SYLLABLE_ACRONYM_WORDS && syllables >= SYLLABLE_ACRONYM_SYLLABLES;
  const state =
    ((i * (acronym.length + 1) + k) * (SYLLABLE_ACRONYM_WORDS + 1) + words) *
      (SYLLABLE_ACRONYM_SYLLABLES + 1) +
    syllables;
  if (s.failed[state]) return false;
  const word = tokens[i]!;
  for (let n = 1; n <= SYLLABLE_LETTERS && n <= word.length && k + n <= acronym.length; n++) {
    if (word[n - 1] !== acronym[k + n - 1]) break;
    const moreWords = Math.min(words + 1, SYLLABLE_ACRONYM_WORDS);
    const moreSyllables = Math.min(syllables + (n > 1 ? 1 : 0), SYLLABLE_ACRONYM_SYLLABLES);
    if (leadingSyllables(s, i + 1, k + n, moreWords, moreSyllables)) return true;
  }
  const optional =
    !key.includes(word) || orgStopwords.has(word) || orgCommonWords.has(word) || jurisdictionWords.has(word);
  if (optional && leadingSyllables(s, i + 1, k, words, syllables)) return true;
  s.failed[state] = 1;
  return false;
}
