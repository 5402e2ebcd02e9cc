/**
 * How alike two name tokens are by themselves (roles and the rest of the names aside): exact, known
 * variant (José ~ Joseph), initial (J ~ Joaquin), shortened form, same sound, consonant skeleton,
 * another romanisation, a slip, or a spelling difference measured by edit distance.
 */
import {
  compoundStems,
  arabicLetterSpelling,
  consonantSkeleton,
  englishSpelling,
  ordinalValue,
  russianSpelling,
  orgTypeGroup,
  soundSpelling,
  throughOtherLanguages,
} from '../normalize/index.js';
import {
  firstLetterDropped,
  INNER_DROP_SIMILARITY,
  innerLetterDropped,
  SHORT_SLIP_LENGTH,
  SLIP_SIMILARITY,
  letterSlip,
  shortSlip,
} from './letter-slips.js';
import { SAME_PART_SIMILARITY } from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';
import { sameFatherByVariant } from './patronymic-variants.js';
import { MAX_TYPO_EDITS, MIN_SPELLING_SIMILARITY, spellingSimilarity } from './spelling-similarity.js';
import { KIND, lastMatch } from './token-match-kind.js';
import { editDistance } from './edit-distance.js';

/** Similarity of a known given-name variant (José ~ Joseph, Bill ~ William). */
export const VARIANT_SIMILARITY = 0.92;
/** Similarity of an initial against a name starting with that letter. */
export const INITIAL_SIMILARITY = 0.9;
/** Similarity of a shortened name against its full form (Alex ~ Alexander). */
export const PREFIX_SIMILARITY = 0.82;
/**
 * A shortened form is at most about half its full form (Alex ~ Alexander, Akhund ~ Akhundzada):
 * the full form may be this many times the short one plus two letters, so SINALOA is not a
 * shortened form of a 74-letter word that starts with it.
 */
export const MAX_PREFIX_STRETCH = 2;
/** Floor for two spellings that sound the same. */
export const PHONETIC_SIMILARITY = 0.88;

/** A patronymic is not a shortened form's full form (Oleksandr ≠ Oleksandrovych). */
const PATRONYMIC_END = /(?:ovich|evich|ovych|evych|ovic|evic|ovna|evna|ivna|ichna)$/;

/**
 * Two patronymics share their ending by construction (Pavlovich, Gavrilovich), so their likeness is
 * that of the fathers' names before it: Pavl against Gavril is another father, whatever -ovich adds.
 * Returns the similarity of the stems when it is below SAME_PART_SIMILARITY (and no slip), else
 * undefined (the stems agree, or the words are not both patronymics).
 */
function patronymicStemsDiffer(x: string, y: string): number | undefined {
  const ex = PATRONYMIC_END.exec(x);
  const ey = PATRONYMIC_END.exec(y);
  if (!ex || !ey) return undefined;
  const sx = x.slice(0, ex.index);
  const sy = y.slice(0, ey.index);
  if (sx.length < 3 || sy.length < 3 || sx === sy) return undefined;
  const s = spellingSimilarity(englishSpelling(sx), englishSpelling(sy), SAME_PART_SIMILARITY);
  if (s >= SAME_PART_SIMILARITY || letterSlip(sx, sy, true)) return undefined;
  // Within MAX_TYPO_EDITS of each other the whole words may be one patronymic mistyped (Borrasovich).
  if (editDistance(x, y, MAX_TYPO_EDITS + 1) <= MAX_TYPO_EDITS) return undefined;
  return s;
}

/**
 * Syllables, counted as groups of vowels (y counting as one; a final e after a consonant is silent,
 * as French and English spellings write it: Prigojine, Poutine): "Putin" has two, "Potanin" three.
 * Two spellings far apart that share a phonetic key are one name only with as many syllables; a
 * syllable more is another name (Putin, Potanin; Sigma, Sagami).
 */
function syllableCount(word: string): number {
  let n = 0;
  let inVowel = false;
  const end =
    word.length > 3 && word.endsWith('e') && !VOWELS.includes(word[word.length - 2]!)
      ? word.length - 1
      : word.length;
  for (let k = 0; k < end; k++) {
    const vowel = VOWELS.includes(word[k]!);
    if (vowel && !inVowel) n++;
    inVowel = vowel;
  }
  return n;
}

const VOWELS = 'aeiouy';

/**
 * Whether a shared sound between far spellings may count, by syllables: always for names from a
 * script without vowels (their syllables are unwritten) and within MAX_TYPO_EDITS (a dropped or
 * doubled vowel is a typo: Abdullh, Haafz), else only with as many syllables on both sides.
 */
function sameSyllables(a: PreparedName, x: string, b: PreparedName, y: string): boolean {
  if (a.fromAbjad || b.fromAbjad || syllableCount(x) === syllableCount(y)) return true;
  return editDistance(x, y, MAX_TYPO_EDITS + 1) <= MAX_TYPO_EDITS;
}

/** Consonant skeletons at least this alike back a shared phonetic key between distant spellings. */
const MIN_SKELETON_SIMILARITY = 0.6;
const LEADING_VOWEL = /^[aeiou]/;

/**
 * The phonetic key drops h and merges a consonant repeated across a vowel, so Mohamed and Moayyed
 * both key "mt"; when the spellings are far apart, the sound only counts if the consonants in
 * order agree too, from the same kind of first letter (Khaled ~ Jaled: k-l-d against j-l-d).
 */
function skeletonsAgree(x: string, y: string): boolean {
  // A leading vowel against a leading consonant is another start of the name (Ahmed ≠ Hamudi).
  if (LEADING_VOWEL.test(x) !== LEADING_VOWEL.test(y)) return false;
  return spellingSimilarity(consonantSkeleton(x), consonantSkeleton(y), 0) >= MIN_SKELETON_SIMILARITY;
}

/**
 * Two spellings not far apart, as written or spelled by their sound: several replacements that keep
 * the sound (GH ~ Q, a doubled S, E ~ I: Ghasem ~ Qassim) put a word more edits away as written than
 * a different name one letter off; spelled by sound they are a typo apart.
 */
function spellingsNear(x: string, y: string): boolean {
  if (spellingSimilarity(x, y) >= MIN_SPELLING_SIMILARITY) return true;
  // Spelled by sound, as alike as one name part: a looser sound is another word (Radar ~ Router,
  // Kouma ~ Kimo).
  return spellingSimilarity(soundSpelling(x), soundSpelling(y), SAME_PART_SIMILARITY) >= SAME_PART_SIMILARITY;
}

/** An Arabic article joined to a word of three letters or more, as romanised from Arabic script. */
const ABJAD_ARTICLE = /^al[a-z]{3}/;

/** How alike two words are by their consonants (0.9 when the same), or 0 when either has fewer than two. */
function skeletonSimilarity(x: string, y: string): number {
  const kx = consonantSkeleton(x);
  const ky = consonantSkeleton(y);
  if (kx.length < 2 || ky.length < 2) return 0;
  return kx === ky ? 0.9 : spellingSimilarity(kx, ky) * 0.9;
}

/**
 * Other readings of a word for its consonant skeleton against a name from an abjad. Written in
 * the abjad: the w of waw (و, ו), a long vowel or a consonant, as the consonant v (Hebrew and
 * Persian: לוי Levi, דוד David, ولی Vali); the kh of a guttural (ח, خ) as the h many spellings
 * write (יצחק Yitzhak, Haim). Written in Latin letters: ch as the kh it writes in Hebrew names and
 * German or Dutch spellings (Michael, Menachem, Chalid), where the skeleton reads the English ch;
 * the h after tz as a letter of its own.
 */
function abjadReadings(word: string, fromAbjad: boolean): string[] {
  if (fromAbjad) {
    const v = word.replace(/w/g, 'v');
    // The apostrophe keeps the h from making a digraph with the letter before (צח in Yitzhak is
    // t-s-h, not sh); the skeleton drops it.
    const h = v.replace(/kh/g, "'h");
    return distinctOf(word, v, h);
  }
  // TZ is the English spelling of tsadi (צ): in "tzh" the h is a letter of its own (Yitzhak), not ZH.
  const tz = word.replace(/tzh/g, "tz'h");
  return distinctOf(word, tz, tz.replace(/ch/g, 'kh'));
}

/** The three readings without repeats, in order (asked for every pair of words compared: no Set). */
function distinctOf(a: string, b: string, c: string): string[] {
  if (b === a) return c === a ? [a] : [a, c];
  return c === a || c === b ? [a, b] : [a, b, c];
}

/** As skeletonSimilarity, with the other readings of either word when one side is from an abjad. */
function abjadSkeletonSimilarity(x: string, xFromAbjad: boolean, y: string, yFromAbjad: boolean): number {
  let best = skeletonSimilarity(x, y);
  if (best === 0.9) return best;
  const rx = abjadReadings(x, xFromAbjad);
  const ry = abjadReadings(y, yFromAbjad);
  if (rx.length === 1 && ry.length === 1) return best;
  for (const u of rx) for (const v of ry) best = Math.max(best, skeletonSimilarity(u, v));
  return best;
}

/**
 * Letters of Arabic names as other romanisations write them, between people's names of six
 * letters or more (in shorter ones DH and TH are as often a D or T before an H: Adham is not Azam;
 * KH a name of its own: Khan, Han). DH and TH for Z, SY for SH (Kadhim ~ Kazim, Thafir ~ Zafir,
 * Basyir ~ Bashir): the same sound when the rest agrees, a spelling difference when a typo is left.
 * KH for H and CH for SH through Russian and French (Akhmad ~ Ahmad, Achraf ~ Ashraf) only when
 * the rest agrees: a letter dropped with the H is too near a typo of another name (Barakhoev is
 * not Barkhanoev). Returns `best` when no reading does better.
 */
function arabicLetterSimilarity(x: string, y: string, best: number): number {
  const zx = x.length >= 6 ? arabicLetterSpelling(x) : undefined;
  const zy = y.length >= 6 ? arabicLetterSpelling(y) : undefined;
  if (zx !== undefined || zy !== undefined) {
    const s = spellingSimilarity(zx ?? x, zy ?? y, SAME_PART_SIMILARITY);
    const z = Math.min(PHONETIC_SIMILARITY, s);
    if (z > best && (1 - s) * Math.max(x.length, y.length) < MAX_TYPO_EDITS + 0.99) {
      best = z;
      lastMatch.kind = s === 1 ? KIND.phonetic : KIND.spelling;
    }
  }
  if (best >= PHONETIC_SIMILARITY) return best;
  const hx = x.length >= 6 ? throughOtherLanguages(zx ?? x) : undefined;
  const hy = y.length >= 6 ? throughOtherLanguages(zy ?? y) : undefined;
  if ((hx !== undefined || hy !== undefined) && (hx ?? zx ?? x) === (hy ?? zy ?? y)) {
    lastMatch.kind = KIND.phonetic;
    return PHONETIC_SIMILARITY;
  }
  return best;
}

/** The similarity of two tokens, roles aside (what the memo holds). */
export function pairSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number {
  const x = a.keyTokens[i]!;
  const y = b.keyTokens[j]!;
  if (x === y) {
    lastMatch.kind = KIND.exact;
    return 1;
  }
  if (a.numeric[i] || b.numeric[j]) {
    lastMatch.kind = KIND.different;
    return 0;
  }
  // An ordinal in words against one in digits (SECOND ~ 2ND); a typo in either is a typo as usual.
  const ox = ordinalValue(x);
  const oy = ox === undefined ? undefined : ordinalValue(y);
  if (oy !== undefined) {
    lastMatch.kind = ox === oy ? KIND.ordinal : KIND.different;
    return ox === oy ? 1 : 0;
  }
  const gx = a.variantGroups[i]!;
  const gy = b.variantGroups[j]!;
  if (gx !== 0 && gx === gy) {
    lastMatch.kind = KIND.variant;
    return VARIANT_SIMILARITY;
  }
  // Patronymics from two forms of one father's name (Ryhoravich ~ Grigoryevich).
  if (a.schema !== 'Organization' && b.schema !== 'Organization' && sameFatherByVariant(x, y)) {
    lastMatch.kind = KIND.variant;
    return VARIANT_SIMILARITY;
  }
  // An organisation type in two languages (ZAVOD ~ PLANT, NAVIERA ~ SHIPPING): by the words alone,
  // as the memo is keyed by them.
  const tx = orgTypeGroup.get(x);
  if (tx !== undefined && tx === orgTypeGroup.get(y)) {
    lastMatch.kind = KIND.variant;
    return VARIANT_SIMILARITY;
  }
  // Two given names known to be different names (Hassan and Hussain, Nick and Rick... ) are another
  // person's name however alike they sound, beyond one edit (a typo makes Abu into Abe, Patricia
  // into Patricio); a short form of either stays alike (Alex is Alexander's and Alexei's).
  if (gx !== 0 && gy !== 0 && !x.startsWith(y) && !y.startsWith(x) && editDistance(x, y, 2) > 1) {
    lastMatch.kind = KIND.different;
    return 0;
  }
  if (x.length === 1 || y.length === 1) {
    if (x.charCodeAt(0) === y.charCodeAt(0)) {
      lastMatch.kind = KIND.initial;
      return INITIAL_SIMILARITY;
    }
    // "U" against "FU" is no initial of it, but the word with its first letter dropped.
    if (firstLetterDropped(x, y)) {
      lastMatch.kind = KIND.slip;
      return SAME_PART_SIMILARITY;
    }
    lastMatch.kind = KIND.different;
    return 0;
  }
  // Below SAME_PART_SIMILARITY a pair conflicts whatever its exact similarity, so the distance is
  // only computed that far (a narrow band, early exit): most pairs in a name matrix are unrelated.
  // "Abd al-X" names share their "abd" by construction: Abdulmalik and Abdulkhaliq are as alike as
  // Malik and Khaliq (which are not), while Abdulrahman ~ Abdurrahman stays a spelling difference.
  // Likewise the "X-uddin" and "X-ullah" names share their ending (Jalaluddin, Kamaluddin).
  const abd = x.length > 4 && y.length > 4 && x.startsWith('abd') && y.startsWith('abd');
  const stems = abd ? undefined : compoundStems(x, y);
  const sx = abd ? x.slice(3) : (stems?.[0] ?? x);
  const sy = abd ? y.slice(3) : (stems?.[1] ?? y);
  // One first part with the article spelled otherwise (Nureddin ~ Nuruddin) is a spelling of one
  // name, not the same word.
  let best = stems && sx === sy ? VARIANT_SIMILARITY : spellingSimilarity(sx, sy, SAME_PART_SIMILARITY);
  const syllabic = a.syllabic || b.syllabic;
  // Typos are one or two edits; three or more make another word however long the words are
  // (Petromechanical is not Petrochemical).
  if (best > 0 && (1 - best) * Math.max(sx.length, sy.length) >= MAX_TYPO_EDITS + 0.99) best = 0;
  lastMatch.kind = best > 0 ? KIND.spelling : KIND.different;
  const px = a.phonetic[i]!;
  const py = b.phonetic[j]!;
  // Same sound counts when the keys carry enough (or the words are short syllables: Xi ~ Shi) and
  // the spellings are not far apart (a bare consonant skeleton makes Ginta ~ Janett otherwise).
  // Not for names romanised from Arabic script, whose short tokens are bare consonants (Dad ≠ Dya).
  const keyLongEnough =
    px.length >= 2 ||
    (x.length <= 3 &&
      y.length <= 3 &&
      px.length === 1 &&
      a.schema === 'Person' &&
      b.schema === 'Person' &&
      !a.fromAbjad &&
      !b.fromAbjad);
  // Syllables of Chinese or Korean names differ by their vowels (zhang/jiang, juan/jin): there the
  // sound only counts when the spellings are already close.
  if (
    keyLongEnough &&
    px === py &&
    best < PHONETIC_SIMILARITY &&
    (best > 0 ||
      (!syllabic &&
        (x.length <= 3 || (spellingsNear(x, y) && skeletonsAgree(x, y) && sameSyllables(a, x, b, y)))))
  ) {
    best = PHONETIC_SIMILARITY;
    lastMatch.kind = KIND.phonetic;
  } else if (a.fromAbjad || b.fromAbjad) {
    // Arabic/Hebrew script writes no short vowels: compare consonant skeletons instead. The
    // skeleton keeps every consonant in order (محمد is m-h-m-d, Ahmad h-m-d); the phonetic key
    // merges too much for that (both "mt"). Two Abd- names compare by what follows the shared
    // "abd", as their spellings do: عبدالخالق (Abd al-Khaliq) is not Abdulmalik.
    let c = abd
      ? abjadSkeletonSimilarity(sx, a.fromAbjad, sy, b.fromAbjad)
      : abjadSkeletonSimilarity(x, a.fromAbjad, y, b.fromAbjad);
    // Arabic script writes the article joined (القذافي "alqdhafi"); the Latin listing writes it apart,
    // assimilated (al-Assad ~ الأسد "alasd", as-Sadr) or not at all (Gaddafi): try the word without it.
    if (a.fromAbjad && ABJAD_ARTICLE.test(x)) c = Math.max(c, skeletonSimilarity(x.slice(2), y));
    if (b.fromAbjad && ABJAD_ARTICLE.test(y)) c = Math.max(c, skeletonSimilarity(x, y.slice(2)));
    if (c > best) {
      best = c;
      lastMatch.kind = KIND.consonants;
    }
  }
  if (best < PHONETIC_SIMILARITY && a.koreanKeys && b.koreanKeys && a.koreanKeys[i] === b.koreanKeys[j]) {
    // Two romanisations of one Korean syllable (Chong ~ Jeong, Chol ~ Cheol, Choe ~ Choi).
    best = PHONETIC_SIMILARITY;
    lastMatch.kind = KIND.phonetic;
  }
  const lengthGap = x.length > y.length ? x.length - y.length : y.length - x.length;
  if (
    best < PHONETIC_SIMILARITY &&
    lengthGap <= 3 &&
    x.length >= 4 &&
    y.length >= 4 &&
    !syllabic &&
    a.schema !== 'Organization' &&
    b.schema !== 'Organization'
  ) {
    // Two romanisations of one Slavic name, German or Polish against English (Iwanow ~ Ivanov),
    // Belarusian or Ukrainian against Russian (Volkau ~ Volkov); they differ in length by at most
    // the three letters "tsch" adds to "ch".
    const ex = englishSpelling(russianSpelling(x));
    const ey = englishSpelling(russianSpelling(y));
    if (ex !== x || ey !== y) {
      const s = spellingSimilarity(ex, ey, SAME_PART_SIMILARITY);
      if (s > best && (1 - s) * Math.max(ex.length, ey.length) < MAX_TYPO_EDITS + 0.99) {
        best = s;
        lastMatch.kind = KIND.spelling;
      }
    }
  }
  if (best < PHONETIC_SIMILARITY && !syllabic && a.schema === 'Person' && b.schema === 'Person')
    best = arabicLetterSimilarity(x, y, best);
  if (
    best < SLIP_SIMILARITY &&
    !syllabic &&
    Math.max(x.length, y.length) >= 4 &&
    Math.min(x.length, y.length) >= (a.schema === 'Person' && b.schema === 'Person' ? 4 : 3) &&
    letterSlip(x, y, a.schema === 'Person' && b.schema === 'Person')
  ) {
    best = SLIP_SIMILARITY;
    lastMatch.kind = KIND.slip;
  }
  if (
    best < INNER_DROP_SIMILARITY &&
    !syllabic &&
    a.schema === 'Person' &&
    b.schema === 'Person' &&
    !(a.koreanKeys && b.koreanKeys) &&
    innerLetterDropped(x, y)
  ) {
    best = INNER_DROP_SIMILARITY;
    lastMatch.kind = KIND.slip;
  }
  if (
    best < SAME_PART_SIMILARITY &&
    !syllabic &&
    x.length <= SHORT_SLIP_LENGTH &&
    y.length <= SHORT_SLIP_LENGTH &&
    shortSlip(x, y, a.schema === 'Person' && b.schema === 'Person')
  ) {
    best = SAME_PART_SIMILARITY;
    lastMatch.kind = KIND.slip;
  }
  if (best > 0 && a.schema !== 'Organization' && b.schema !== 'Organization') {
    const stems = patronymicStemsDiffer(x, y);
    if (stems !== undefined) {
      lastMatch.kind = KIND.different;
      return stems;
    }
  }
  if (best < PREFIX_SIMILARITY) {
    const short = x.length < y.length ? x : y;
    const long = x.length < y.length ? y : x;
    // A shortened name (Alex ~ Alexander), but not a patronymic (Oleksandr ≠ Oleksandrovych).
    if (
      short.length >= 3 &&
      long.length >= short.length + 2 &&
      long.length <= MAX_PREFIX_STRETCH * short.length + 2 &&
      long.startsWith(short) &&
      !PATRONYMIC_END.test(long)
    ) {
      best = PREFIX_SIMILARITY;
      lastMatch.kind = KIND.prefix;
    }
  }
  return best;
}
