/**
 * How alike two name tokens are, in [0, 1], and why: exact, known variant (José ~ Joseph),
 * initial (J ~ Joaquin), same sound, or a spelling difference measured by edit distance.
 */
import { consonantSkeleton, englishSpelling, typoDistance } from '../normalize/index.js';
import { editDistance } from './edit-distance.js';
import { SAME_PART_SIMILARITY } from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';

export type TokenMatchKind =
  | 'exact'
  | 'variant'
  | 'initial'
  | 'prefix'
  | 'phonetic'
  | 'spelling'
  | 'consonants'
  | 'particles'
  | 'role'
  | 'slip'
  | 'different'
  | 'written';

/** Similarity given to a pair whose roles disagree (own given name vs father's name). */
export const ROLE_CONFLICT_SIMILARITY = 0.3;

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
/** More edits than this between two spellings is not a typo (when the sound does not say otherwise). */
export const MAX_TYPO_EDITS = 2;
/** Floor for two spellings that sound the same. */
export const PHONETIC_SIMILARITY = 0.88;
/** A surname with its particles written joined ("Delacruz") against the bare surname ("de la Cruz"). */
export const JOINED_PARTICLES_SIMILARITY = 0.9;

/** Particles that names write joined to the surname as often as apart. */
const JOINABLE_PARTICLES =
  /^(?:de|del|la|las|los|da|das|do|dos|di|du|des|della|van|von|der|den|ter|ten|le|al|el|ul)+$/;

const PATRONYMIC_END = /(?:ovich|evich|ovych|evych|ovic|evic|ovna|evna|ivna|ichna)$/;

/** Below this, spelling similarity is reported as 0: such pairs are different words anyway. */
const MIN_SPELLING_SIMILARITY = 0.5;

/**
 * Spelling similarity from edit distance: 1 − distance / longer length; 0 when under `min`
 * (which lets the distance computation stop early).
 */
export function spellingSimilarity(a: string, b: string, min = MIN_SPELLING_SIMILARITY): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const limit = (1 - min) * longer;
  const d = editDistance(a, b, limit);
  if (d > limit) return 0;
  return d >= longer ? 0 : 1 - d / longer;
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

/** Every kind, in a fixed order: `KINDS[code]`. */
export const KINDS: readonly TokenMatchKind[] = [
  'exact',
  'variant',
  'initial',
  'prefix',
  'phonetic',
  'spelling',
  'consonants',
  'particles',
  'role',
  'slip',
  'different',
  'written',
];
/** Kind → code, for the hot path. */
const KIND = Object.fromEntries(KINDS.map((k, n) => [k, n])) as Record<TokenMatchKind, number>;

/**
 * A direct-mapped memo of token-pair similarities. Screening compares the same tokens again and
 * again (a query's tokens against every candidate's; common names across queries), and the
 * similarity of two tokens depends only on the tokens and on four facts about their names (both
 * personal names; either romanised from an abjad; both Korean-looking; either written in Han or
 * Hangul), which are part of the key.
 */
const MEMO_BITS = 16;
const MEMO_SIZE = 1 << MEMO_BITS;
const memoLeft = new Int32Array(MEMO_SIZE);
const memoRight = new Int32Array(MEMO_SIZE);
const memoSimilarity = new Float64Array(MEMO_SIZE);
const memoKind = new Uint8Array(MEMO_SIZE);

/** Forgets every memoised token pair (benchmarks use it to measure cold scoring). */
export function clearTokenSimilarityMemo(): void {
  memoLeft.fill(0);
  memoRight.fill(0);
}

/**
 * Similarity of keyToken i of `a` and keyToken j of `b`; records the kind for lastTokenMatchKind().
 */
export function tokenSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number {
  const ra = a.roles[i]!;
  const rb = b.roles[j]!;
  if (ra !== 0 && rb !== 0 && ra !== rb) {
    // "Salman bin Muhammad" vs "Muhammad bin Salman": the same word as own name and father's name.
    lastKind = KIND.role;
    return ROLE_CONFLICT_SIMILARITY;
  }
  let similarity = memoisedSimilarity(a, i, b, j);
  if (
    similarity < JOINED_PARTICLES_SIMILARITY &&
    (a.droppedParticles.length > 0 || b.droppedParticles.length > 0)
  )
    similarity = joinedParticles(a, i, b, j, similarity);
  if (similarity < SLIP_SIMILARITY && (a.written !== undefined || b.written !== undefined))
    similarity = asWritten(a, i, b, j, similarity);
  return similarity;
}

/**
 * A word read through a typo (CONSULTANY as the common word CONSULTING) compared as written: when
 * the other name has the word the typo came from (CONSULTANCY), the spelling says more than the
 * reading. Exact, a slip or a spelling difference of one or two edits, as for any two words.
 */
function asWritten(a: PreparedName, i: number, b: PreparedName, j: number, similarity: number): number {
  const x = a.written?.[i] ?? a.keyTokens[i]!;
  const y = b.written?.[j] ?? b.keyTokens[j]!;
  if (x === a.keyTokens[i] && y === b.keyTokens[j]) return similarity;
  let s = x === y ? 1 : spellingSimilarity(x, y, SAME_PART_SIMILARITY);
  if (s > 0 && s < 1 && (1 - s) * Math.max(x.length, y.length) >= MAX_TYPO_EDITS + 0.99) s = 0;
  if (s < SLIP_SIMILARITY && Math.min(x.length, y.length) >= 4 && letterSlip(x, y, false))
    s = SLIP_SIMILARITY;
  if (s <= similarity) return similarity;
  lastKind = KIND.written;
  return s;
}

/**
 * "Maria Delacruz" vs "Maria de la Cruz": the side that dropped particles has the bare surname,
 * the other wrote them joined to it. Only checked when one name dropped particles, so
 * "Delgado" never meets "Gado".
 */
function joinedParticles(a: PreparedName, i: number, b: PreparedName, j: number, similarity: number): number {
  const x = a.keyTokens[i]!;
  const y = b.keyTokens[j]!;
  const [short, long, shortName] = x.length < y.length ? [x, y, a] : [y, x, b];
  if (
    shortName.droppedParticles.length > 0 &&
    short.length >= 3 &&
    long.length > short.length + 1 &&
    long.endsWith(short) &&
    JOINABLE_PARTICLES.test(long.slice(0, long.length - short.length))
  ) {
    lastKind = KIND.particles;
    return JOINED_PARTICLES_SIMILARITY;
  }
  return similarity;
}

/** Similarity of two tokens through the memo (roles already checked). */
function memoisedSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number {
  const left = a.tokenIds[i]!;
  const id = b.tokenIds[j]!;
  if (left === 0 || id === 0) return pairSimilarity(a, i, b, j);
  if (left === id) {
    lastKind = KIND.exact;
    return 1;
  }
  // Ids stay below 2^28, leaving the top four bits for the facts about the names.
  const right =
    id |
    ((a.syllabic || b.syllabic ? 1 : 0) << 31) |
    ((a.koreanKeys !== undefined && b.koreanKeys !== undefined ? 1 : 0) << 28) |
    ((a.fromAbjad || b.fromAbjad ? 1 : 0) << 29) |
    ((a.schema === 'Person' && b.schema === 'Person' ? 1 : 0) << 30);
  const slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) >>> (32 - MEMO_BITS);
  if (memoLeft[slot] === left && memoRight[slot] === right) {
    lastKind = memoKind[slot]!;
    return memoSimilarity[slot]!;
  }
  const similarity = pairSimilarity(a, i, b, j);
  memoLeft[slot] = left;
  memoRight[slot] = right;
  memoSimilarity[slot] = similarity;
  memoKind[slot] = lastKind;
  return similarity;
}

/** The similarity of two tokens, roles aside (what the memo holds). */
function pairSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number {
  const x = a.keyTokens[i]!;
  const y = b.keyTokens[j]!;
  if (x === y) {
    lastKind = KIND.exact;
    return 1;
  }
  if (a.numeric[i] || b.numeric[j]) {
    lastKind = KIND.different;
    return 0;
  }
  const gx = a.variantGroups[i]!;
  if (gx !== 0 && gx === b.variantGroups[j]) {
    lastKind = KIND.variant;
    return VARIANT_SIMILARITY;
  }
  if (x.length === 1 || y.length === 1) {
    if (x.charCodeAt(0) === y.charCodeAt(0)) {
      lastKind = KIND.initial;
      return INITIAL_SIMILARITY;
    }
    lastKind = KIND.different;
    return 0;
  }
  // Below SAME_PART_SIMILARITY a pair conflicts whatever its exact similarity, so the distance is
  // only computed that far (a narrow band, early exit): most pairs in a name matrix are unrelated.
  // "Abd al-X" names share their "abd" by construction: Abdulmalik and Abdulkhaliq are as alike as
  // Malik and Khaliq (which are not), while Abdulrahman ~ Abdurrahman stays a spelling difference.
  const abd = x.length > 4 && y.length > 4 && x.startsWith('abd') && y.startsWith('abd');
  const sx = abd ? x.slice(3) : x;
  const sy = abd ? y.slice(3) : y;
  let best = spellingSimilarity(sx, sy, SAME_PART_SIMILARITY);
  const syllabic = a.syllabic || b.syllabic;
  // Typos are one or two edits; three or more make another word however long the words are
  // (Petromechanical is not Petrochemical).
  if (best > 0 && (1 - best) * Math.max(sx.length, sy.length) >= MAX_TYPO_EDITS + 0.99) best = 0;
  lastKind = best > 0 ? KIND.spelling : KIND.different;
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
        (x.length <= 3 || (spellingSimilarity(x, y) >= MIN_SPELLING_SIMILARITY && skeletonsAgree(x, y)))))
  ) {
    best = PHONETIC_SIMILARITY;
    lastKind = KIND.phonetic;
  } else if (a.fromAbjad || b.fromAbjad) {
    // Arabic/Hebrew script writes no short vowels: compare consonant skeletons instead. The
    // skeleton keeps every consonant in order (محمد is m-h-m-d, Ahmad h-m-d); the phonetic key
    // merges too much for that (both "mt").
    const kx = consonantSkeleton(x);
    const ky = consonantSkeleton(y);
    if (kx.length >= 2 && ky.length >= 2) {
      const c = kx === ky ? 0.9 : spellingSimilarity(kx, ky) * 0.9;
      if (c > best) {
        best = c;
        lastKind = KIND.consonants;
      }
    }
  }
  if (best < PHONETIC_SIMILARITY && a.koreanKeys && b.koreanKeys && a.koreanKeys[i] === b.koreanKeys[j]) {
    // Two romanisations of one Korean syllable (Chong ~ Jeong, Chol ~ Cheol, Choe ~ Choi).
    best = PHONETIC_SIMILARITY;
    lastKind = KIND.phonetic;
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
    // Two romanisations of one Slavic name, German or Polish against English (Iwanow ~ Ivanov);
    // they differ in length by at most the three letters "tsch" adds to "ch".
    const ex = englishSpelling(x);
    const ey = englishSpelling(y);
    if (ex !== x || ey !== y) {
      const s = spellingSimilarity(ex, ey, SAME_PART_SIMILARITY);
      if (s > best && (1 - s) * Math.max(ex.length, ey.length) < MAX_TYPO_EDITS + 0.99) {
        best = s;
        lastKind = KIND.spelling;
      }
    }
  }
  if (
    best < SLIP_SIMILARITY &&
    !syllabic &&
    Math.max(x.length, y.length) >= 4 &&
    Math.min(x.length, y.length) >= (a.schema === 'Person' && b.schema === 'Person' ? 4 : 3) &&
    letterSlip(x, y, a.schema === 'Person' && b.schema === 'Person')
  ) {
    best = SLIP_SIMILARITY;
    lastKind = KIND.slip;
  }
  if (
    best < SAME_PART_SIMILARITY &&
    !syllabic &&
    x.length <= SHORT_SLIP_LENGTH &&
    y.length <= SHORT_SLIP_LENGTH &&
    shortSlip(x, y, a.schema === 'Person' && b.schema === 'Person')
  ) {
    best = SAME_PART_SIMILARITY;
    lastKind = KIND.slip;
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
      lastKind = KIND.prefix;
    }
  }
  return best;
}

/**
 * Similarity of two words of four letters or more (for names other than people's, also a
 * three-letter code against four: "CCK" ~ "CCCK") that differ by one dropped, added or doubled
 * letter or two neighbouring letters swapped ("KADOS" ~ "ADOS", "MTOOR" ~ "MOTOR"): every letter
 * is still there in order, which says "the same word mistyped" more surely than a shared sound
 * (PHONETIC_SIMILARITY) does. A replaced letter is not a slip (Omar ~ Omer stays a spelling
 * difference), nor is a letter added at the end (Juan ~ Juana, Daniel ~ Daniela are other names);
 * between two personal names a letter dropped or added is a slip only when it doubles its
 * neighbour.
 */
export const SLIP_SIMILARITY = 0.9;
/**
 * Between personal names a dropped or added letter is a slip when the longer name has at least
 * this many letters (Kashlaf ~ Kahlaf, Muhammad ~ Muhamad): shorter names one letter apart are
 * often two names (Yasmin, Yasin; Imani, Mani), where only a doubled letter is a slip.
 */
export const PERSON_DROP_SLIP_LENGTH = 7;

export function letterSlip(x: string, y: string, people: boolean): boolean {
  if (typoDistance(x, y, 1) !== 1) return false;
  if (x.length === y.length) {
    let differ = 0;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differ++;
    return differ === 2;
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.startsWith(short)) return false;
  if (!people) return true;
  if (long.length >= PERSON_DROP_SLIP_LENGTH) return true;
  // Shorter personal names that differ by a letter are often two names (Yasmin, Yasin; Imani,
  // Mani): there only a doubled letter is a slip (Mohamed, Mohammed).
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  return k > 0 && long[k] === long[k - 1];
}

/** Words of at most this many letters are "the same, barely" when one slip apart (shortSlip). */
const SHORT_SLIP_LENGTH = 3;

/**
 * Two- and three-letter words one slip apart ("GAS" ~ "AGS", "DWC" ~ "DW", "TAN" ~ "ATN"): by
 * edit distance they are a third or half different, under the bar, yet a typo of a short code or
 * name must not make it a conflicting word. Counted as the same part at the lowest similarity
 * (SAME_PART_SIMILARITY, worth half a part), so the rest of the name has to agree. Between two
 * personal names only two letters swapped count; a letter dropped or added counts for other
 * names; a replaced letter never (CEC is not CAC).
 */
function shortSlip(x: string, y: string, people: boolean): boolean {
  if (x.length < 2 || y.length < 2 || typoDistance(x, y, 1) !== 1) return false;
  if (x.length !== y.length) {
    if (!people) return true;
    // "Au" for "Abu": a letter dropped between the first and the last, which both stay.
    const [short, long] = x.length < y.length ? [x, y] : [y, x];
    return long.length === 3 && short[0] === long[0] && short[1] === long[2];
  }
  let differ = 0;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differ++;
  return differ === 2; // two neighbours swapped; one differing letter is a replacement
}

/** Code (index into KINDS) of the last result's kind: a number, so the hot path stores no strings. */
let lastKind: number = KIND.different;

/** The kind of the last tokenSimilarity() result (kept out of the return value to avoid allocation). */
export function lastTokenMatchKind(): TokenMatchKind {
  return KINDS[lastKind]!;
}

/** The code (index into KINDS) of the last tokenSimilarity() result's kind. */
export function lastTokenMatchKindCode(): number {
  return lastKind;
}
