/**
 * Words that say what a name is rather than whose it is — legal-form words (LIMITED, LIABILITY,
 * OBSHCHESTVO), titles (SHEIKH, GENERAL), common organisation words (SHIPPING, INTERNATIONAL) and
 * country names — recognised through a typo. Without this, "CHONGCHONGANG SHIPPING COMPANY
 * LIMITDE" keeps LIMITDE as a distinctive word the list does not have, and one mistyped letter in
 * a legal form defeats the screener (evaders mistype on purpose).
 *
 * Limits, so that a short distinctive word is never taken for one of these: the vocabulary word has
 * at least five letters (six for common words, countries and titles) and the written word at
 * least four; one edit (a dropped, added, replaced letter or two letters swapped), two from nine
 * letters up when both are slips (`twoSlips`) and the first letter is kept (a long legal form's
 * first vowel aside); with one edit the first letter may be dropped, added or swapped but not
 * replaced (RATIONAL is not NATIONAL); and the nearest vocabulary word must be unique. Legal-form words only count when they complete a legal-form phrase (the parser checks),
 * so STORK in "STORK SHIPPING" stays a name while "JOINT STORK COMPANY" is a joint-stock company.
 * Shorter legal forms (LLC, OOO, JSC) are recognised with a doubled letter only ("LLCC"), or two
 * letters swapped in a four-letter initialism that makes no word ("JOSC"), and only at the edge of
 * an organisation's name; other slips in them are judged against the other name at scoring time
 * (`matching/`).
 */
import { countryWords } from './country-words.js';
import { legalFormPhrases } from './legal-forms.js';
import { orgAbbreviations, orgCommonWords } from './org-common-words.js';
import { personTitles } from './person-name-words.js';

/** What a mistyped word was read as. */
export type VocabularyKind =
  | 'legal form'
  | 'title'
  | 'common word'
  | 'country'
  | 'abbreviation'
  | 'name element';

export interface TypoReading {
  /** The word as written (normalised). */
  written: string;
  /** The vocabulary word it was read as. */
  read: string;
  kind: VocabularyKind;
  /** Other legal-form words equally near ("limitad": limited or limitada); the phrase decides. */
  alternatives?: string[];
}

/** Vocabulary words shorter than this are not corrected (except doubled letters in legal forms). */
export const MIN_VOCABULARY_WORD = 5;
/** Common words, country names and titles shorter than this are not corrected. */
export const MIN_COMMON_WORD = 6;
/** Written words shorter than this are not corrected. */
export const MIN_WRITTEN_WORD = 4;
/** From this length a vocabulary word is recognised through two edits, below through one. */
export const TWO_EDIT_LENGTH = 9;
/**
 * Legal-form words of at least this many letters may have their first letter replaced when it is
 * a vowel written for another vowel (ABSHCHESTVO, EGRANICHENNOI, UTVETSTVENNOSTYU, ONITARY): a
 * transliteration writes initial vowels loosely, and a legal-form word only counts when the rest
 * of its phrase is there too.
 */
export const LEGAL_WORD_VOWEL_START = 7;

const VOWEL = /[aeiou]/;

interface Entry {
  word: string;
  kind: VocabularyKind;
  /** The word's place in `vocabulary`: one entry object per word, whichever buckets hold it. */
  id: number;
}

/** Every vocabulary word, by kind; a word in two kinds keeps the first (legal forms first). */
const vocabulary: ReadonlyMap<string, VocabularyKind> = (() => {
  const map = new Map<string, VocabularyKind>();
  const add = (word: string, kind: VocabularyKind) => {
    if (word.length >= MIN_VOCABULARY_WORD && /^[a-z]+$/.test(word) && !map.has(word)) map.set(word, kind);
  };
  for (const phrase of legalFormPhrases.keys()) for (const w of phrase.split(' ')) add(w, 'legal form');
  for (const title of personTitles) if (!title.includes(' ')) add(title, 'title');
  for (const w of orgCommonWords) add(w, 'common word');
  for (const w of countryWords) add(w, 'country');
  return map;
})();

/** Vocabulary entries by first letter, then by second letter (for a dropped first letter). */
const byFirst = new Map<string, Entry[]>();
const bySecond = new Map<string, Entry[]>();
/** Long legal-form words that start with a vowel, by second letter (`vowelForVowelStart`). */
const longLegalWordsBySecond = new Map<string, Entry[]>();
let entryCount = 0;
for (const [word, kind] of vocabulary) {
  const entry: Entry = { word, kind, id: entryCount++ };
  byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), entry]);
  bySecond.set(word[1]!, [...(bySecond.get(word[1]!) ?? []), entry]);
  if (kind === 'legal form' && word.length >= LEGAL_WORD_VOWEL_START && VOWEL.test(word[0]!))
    longLegalWordsBySecond.set(word[1]!, [...(longLegalWordsBySecond.get(word[1]!) ?? []), entry]);
}

/**
 * The look-up in which each entry was last met (by `Entry.id`): an entry in two of a word's
 * buckets is judged once, without a set of the words met built for every new word of every name.
 */
const metInLookUp = new Int32Array(entryCount);
let lookUps = 0;

/** Single-token legal forms of two to four letters ("llc", "ooo", "jsc"), for the doubled-letter rule. */
const shortLegalForms: ReadonlySet<string> = new Set(
  [...legalFormPhrases.keys()].filter((p) => !p.includes(' ') && p.length >= 2 && p.length <= 4),
);

/** Every word of a legal-form phrase, short ones included ("de", "cu", "free"). */
const legalFormWords: ReadonlySet<string> = new Set(
  [...legalFormPhrases.keys()].flatMap((p) => (p.includes(' ') ? p.split(' ') : [])),
);

const rowBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (adjacent swaps cost one), or `limit + 1` once above `limit`.
 * Allocation-free for words under 64 letters: the scorer calls it for unpaired words.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const size = m + 1;
  const [r0, r1, r2] =
    size <= 64 ? rowBuffers : [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  // r2 = row i-2, r1 = row i-1, r0 = row i (rotated each step).
  let twoBack = r2!;
  let prev = r1!;
  let row = r0!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, twoBack[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const oldest = twoBack;
    twoBack = prev;
    prev = row;
    row = oldest;
  }
  return prev[m]!;
}

/**
 * `written` is one slip (one edit; between two-letter words only two letters swapped or a vowel
 * for a vowel) away from `word`, a word the other name had taken out: "ojs" for "ojsc", "oa"
 * for "ao", "ci" for "co", "au" for "abu".
 */
export function isSlipOf(written: string, word: string): boolean {
  if (written === word || written.length < 2 || word.length < 2) return false;
  if (typoDistance(written, word, 1) !== 1) return false;
  if (written.length === word.length && written.length === 2)
    // Two letters swapped ("oa" for "ao"), or a vowel for a vowel ("ci" for "co", "uo" for "ao").
    return (
      (written[0] === word[1] && written[1] === word[0]) ||
      (written[0] === word[0] && VOWEL.test(written[1]!) && VOWEL.test(word[1]!)) ||
      (written[1] === word[1] && VOWEL.test(written[0]!) && VOWEL.test(word[0]!))
    );
  return true;
}

const cache = new Map<string, TypoReading | null>();
const CACHE_LIMIT = 200_000;

/**
 * The vocabulary word a mistyped word stands for, within the limits above, or undefined.
 * @example readThroughTypo('limitde') // { written: 'limitde', read: 'limited', kind: 'legal form' }
 * @example readThroughTypo('rational') // undefined: the first letter is never replaced
 */
export function readThroughTypo(written: string): TypoReading | undefined {
  const known = cache.get(written);
  if (known !== undefined) return known ?? undefined;
  const found = lookUp(written);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(written, found ?? null);
  return found;
}

function lookUp(written: string): TypoReading | undefined {
  if (written.length < MIN_WRITTEN_WORD || vocabulary.has(written) || !/^[a-z]+$/.test(written))
    return undefined;
  const first = written[0]!;
  const second = written[1]!;
  // A fresh stamp per look-up (wrapping after 2^31 look-ups would only re-judge an entry).
  lookUps = (lookUps + 1) | 0;
  let best = Number.POSITIVE_INFINITY;
  let found: Entry[] = [];
  const vowelStart = VOWEL.test(first) ? longLegalWordsBySecond.get(second) : undefined;
  for (const bucket of [byFirst.get(first), byFirst.get(second), bySecond.get(first), vowelStart]) {
    for (const entry of bucket ?? []) {
      if (metInLookUp[entry.id] === lookUps) continue;
      metInLookUp[entry.id] = lookUps;
      // Common words, countries and titles of five letters (CHINA, SPAIN; MADAM, SAYED) are too
      // near names (CHINO; Adam, Saeed): read as a title, a given name would be dropped.
      if (entry.kind !== 'legal form' && entry.word.length < MIN_COMMON_WORD) continue;
      const limit = entry.word.length >= TWO_EDIT_LENGTH ? 2 : 1;
      if (Math.abs(entry.word.length - written.length) > limit) continue;
      // The first letter may be dropped, doubled or swapped, never replaced by another (but a
      // vowel by a vowel in a long legal-form word, LEGAL_WORD_VOWEL_START).
      if (
        entry.word[0] !== first &&
        !(entry.word[1] === first || entry.word[0] === second) &&
        !vowelForVowelStart(written, entry)
      )
        continue;
      // A letter more or less at the end is another form of a common word (MOTOR, MOTORS), not a
      // typo; legal-form words are checked by their phrase instead.
      if (entry.kind !== 'legal form' && entry.kind !== 'title' && endsDiffer(written, entry.word)) continue;
      const d = typoDistance(written, entry.word, limit);
      if (d > limit) continue;
      // Two edits keep the first letter (but a long legal-form word's vowel for a vowel): one of
      // them there makes another word of a long one (Yadollah and Hayatullah, names, are not
      // AYATOLLAH; REDUCTION is not PRODUCTION, RESIDENCE not PRESIDENTE).
      if (
        d === 2 &&
        ((written[0] !== entry.word[0] && !vowelForVowelStart(written, entry)) ||
          !twoSlips(written, entry.word))
      )
        continue;
      if (d < best) {
        best = d;
        found = [entry];
      } else if (d === best) found.push(entry);
    }
  }
  if (found.length === 0) return undefined;
  // Two vocabulary words equally near: kept only when both are legal-form words (the phrase then
  // decides) or both titles (SHIKH: sheikh or shaikh); otherwise the word stays as written.
  const kinds = new Set(found.map((e) => e.kind));
  if (found.length > 1 && !(kinds.size === 1 && (kinds.has('legal form') || kinds.has('title'))))
    return undefined;
  const reading: TypoReading = { written, read: found[0]!.word, kind: found[0]!.kind };
  if (found.length > 1) reading.alternatives = found.slice(1).map((e) => e.word);
  return reading;
}

/** `written` starts with a vowel where the long legal-form word `entry` starts with another vowel. */
function vowelForVowelStart(written: string, entry: Entry): boolean {
  return (
    entry.kind === 'legal form' &&
    entry.word.length >= LEGAL_WORD_VOWEL_START &&
    VOWEL.test(written[0]!) &&
    VOWEL.test(entry.word[0]!) &&
    written[1] === entry.word[1]
  );
}

/**
 * Two edits read as a typo only when they are slips: at most one letter replaced (two replaced
 * letters make another word: PROTECTION is not PRODUCTION, CONSULTANT is not CONSULTING,
 * ASADOLLAH is not AYATOLLAH), and not a different ending of up to four letters, which is
 * another form of the word (INDUSTRIALNY, INDUSTRIAL; TECHNIC, TECHNICAL; DISTRIBUTIONS,
 * DISTRIBUTORS) rather than a mistyped one.
 */
export function twoSlips(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const tail = Math.max(a.length, b.length) - p;
  if (tail <= 4) return false;
  if (a.length !== b.length) return true;
  // Same length, two edits: exactly two letters differ in place, not neighbours swapped, is two
  // replaced letters; more differing places are a letter dropped and another added (a shift).
  let first = -1;
  let differ = 0;
  for (let k = p; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (differ++ === 0) first = k;
  }
  if (differ !== 2) return true;
  return a[first] === b[first + 1] && a[first + 1] === b[first];
}

/** One word is the other with one letter more at the end. */
function endsDiffer(a: string, b: string): boolean {
  return a.length === b.length + 1 ? a.startsWith(b) : b.length === a.length + 1 && b.startsWith(a);
}

/** An organisation-name abbreviation of three letters or more written with one letter doubled ("inttl"). */
export function abbreviationThroughDoubling(written: string): TypoReading | undefined {
  if (written.length < 4 || written.length > 7) return undefined;
  for (let i = 1; i < written.length; i++) {
    if (written[i] !== written[i - 1]) continue;
    const once = written.slice(0, i) + written.slice(i + 1);
    if (once.length >= 3 && orgAbbreviations.has(once)) return { written, read: once, kind: 'abbreviation' };
  }
  return undefined;
}

/**
 * A short legal form written with one letter doubled ("llcc", "oooo", "jssc"), or undefined.
 * The parser applies it only at the edge of an organisation's name.
 */
export function shortLegalFormThroughDoubling(written: string): TypoReading | undefined {
  if (written.length < 3 || written.length > 5) return undefined;
  for (let i = 1; i < written.length; i++) {
    if (written[i] !== written[i - 1]) continue;
    const once = written.slice(0, i) + written.slice(i + 1);
    if (shortLegalForms.has(once)) return { written, read: once, kind: 'legal form' };
  }
  return undefined;
}

/**
 * Short legal forms spelled letter by letter whose letters make no word in any order: the
 * joint-stock initialisms (OJSC, CJSC, PJSC) and those without a vowel (GMBH, TNHH, DMCC). Two of
 * their letters swapped ("JOSC", "GMHB") is a typo; CORP or PRAT swapped can be a word (CROP,
 * PART), a three-letter form an acronym (SJC).
 */
const swappableLegalForms: ReadonlySet<string> = new Set(
  [...shortLegalForms].filter((f) => f.length === 4 && (f.includes('j') || !/[aeiouy]/.test(f))),
);

/**
 * A short legal form spelled letter by letter with two neighbouring letters swapped ("josc" for
 * OJSC, "gmhb" for GMBH; see `swappableLegalForms`), or undefined. The parser applies it only at
 * the edge of an organisation's name, as for a doubled letter.
 */
export function shortLegalFormThroughSwap(written: string): TypoReading | undefined {
  if (written.length !== 4 || shortLegalForms.has(written)) return undefined;
  for (let i = 1; i < written.length; i++) {
    if (written[i] === written[i - 1]) continue;
    const swapped = written.slice(0, i - 1) + written[i] + written[i - 1] + written.slice(i + 1);
    if (swappableLegalForms.has(swapped)) return { written, read: swapped, kind: 'legal form' };
  }
  return undefined;
}

/**
 * A word of a legal-form phrase written with one letter doubled ("cuu", "dee", "freee"), or
 * undefined. Short words are read so only inside a phrase of several words (the parser checks):
 * "SOCIETATEA CUU RASPUNDERE LIMITATA" is an SRL, while a lone "DEE" stays a name.
 */
export function legalFormWordThroughDoubling(written: string): TypoReading | undefined {
  if (legalFormWords.has(written)) return undefined;
  for (let i = 1; i < written.length; i++) {
    if (written[i] !== written[i - 1]) continue;
    const once = written.slice(0, i) + written.slice(i + 1);
    if (legalFormWords.has(once)) return { written, read: once, kind: 'legal form' };
  }
  return undefined;
}
