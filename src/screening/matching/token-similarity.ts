/**
 * How alike two name tokens are, in [0, 1], within their names: roles that disagree (own name
 * against father's name), particles written joined, a typo reading compared as written, and a
 * memo of token-pair similarities in front of the pair rules (`token-pair-similarity.ts`).
 */
import { abdDivineNames, phoneticKey, soundSpelling, throughOtherLanguages } from '../normalize/index.js';
import { SLIP_SIMILARITY, letterSlip } from './letter-slips.js';
import { SAME_PART_SIMILARITY } from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';
import { MAX_TYPO_EDITS, spellingSimilarity } from './spelling-similarity.js';
import { KIND, lastMatch } from './token-match-kind.js';
import { PREFIX_SIMILARITY, pairSimilarity } from './token-pair-similarity.js';

/** Similarity given to a pair whose roles disagree (own given name vs father's name). */
export const ROLE_CONFLICT_SIMILARITY = 0.3;

/** A surname with its particles written joined ("Delacruz") against the bare surname ("de la Cruz"). */
export const JOINED_PARTICLES_SIMILARITY = 0.9;

/**
 * Two Roman numerals that number a series of one organisation's name ("KKR Asian Fund III" and
 * "KKR Asian Fund IV", "Carlyle Partners VII" and "VIII"): the funds or partnerships of one
 * sponsor, named alike on purpose. The name is the same with another series: an agreeing part
 * below an exact one, so the other words decide and the series written alike ranks first.
 * A vessel's or aircraft's numeral is part of what tells sister ships apart: another number there
 * is a conflict, as for digits.
 */
export const OTHER_SERIES_SIMILARITY = 0.8;

/** Particles that names write joined to the surname as often as apart. */
const JOINABLE_PARTICLES =
  /^(?:de|del|la|las|los|da|das|do|dos|di|du|des|della|van|von|der|den|ter|ten|le|al|el|ul|bin|ben|ibn)+$/;

/**
 * A memo of token-pair similarities. Screening compares the same tokens again and again (a
 * query's tokens against every candidate's; common names across queries), and the similarity of
 * two tokens depends only on the tokens and on four facts about their names (both personal names;
 * either romanised from an abjad; both Korean-looking; either written in Han or Hangul), which are
 * part of the key.
 *
 * A slot is 16 bytes of one buffer — the left id with the kind in its top four bits, the right key,
 * the similarity — so a lookup reads one cache line, where four arrays side by side cost up to four
 * misses (a name matrix's lookups land anywhere in the memo). The large memo is two-way: 2^17 sets
 * of two slots (4 MB), a pair hashed to a set in either; the batch of 51,000 customers' names
 * computes 492,000 pairs with it (433,000 distinct), 744,000 with the 65,536 direct-mapped slots
 * before. A small direct-mapped memo sits in front (32 KB, in the core's first-level cache): about
 * half the lookups of a query repeat a pair the query met before (its words against a surname many
 * candidates share), and those never reach the large memo, which is mostly out of cache.
 */
const MEMO_BITS = 17;
const NEAR_BITS = 11;
/** Set s: slots 2s and 2s + 1 (see `memoisedSimilarity`). */
const memoKeys = new Int32Array(1 << (MEMO_BITS + 3));
const memoSimilarity = new Float64Array(memoKeys.buffer);
/** Slot s: [4s] left id | kind << 28, [4s + 1] right key, the similarity at nearSimilarity[2s + 1]. */
const nearKeys = new Int32Array(1 << (NEAR_BITS + 2));
const nearSimilarity = new Float64Array(nearKeys.buffer);
/** The left id's bits in a key (ids stay below 2^28); the kind code sits above them. */
const ID_MASK = 0x0fffffff;

/** Forgets every memoised token pair (benchmarks use it to measure cold scoring). */
export function clearTokenSimilarityMemo(): void {
  memoKeys.fill(0);
  nearKeys.fill(0);
}

/**
 * The facts about two names that the similarity of their tokens depends on, as the memo keys them
 * (bits 28–31; token ids stay below 2^28): either syllabic, both Korean-looking, either romanised
 * from an abjad, both personal names. The same for every token pair of the two names, so an
 * alignment reads them once, not once per cell.
 */
export function namePairFacts(a: PreparedName, b: PreparedName): number {
  return (
    ((a.syllabic || b.syllabic ? 1 : 0) << 31) |
    ((a.koreanKeys !== undefined && b.koreanKeys !== undefined ? 1 : 0) << 28) |
    ((a.fromAbjad || b.fromAbjad ? 1 : 0) << 29) |
    ((a.schema === 'Person' && b.schema === 'Person' ? 1 : 0) << 30)
  );
}

/**
 * Similarity of keyToken i of `a` and keyToken j of `b`; records the kind for lastTokenMatchKind().
 * `facts` is `namePairFacts(a, b)`.
 */
export function tokenSimilarity(
  a: PreparedName,
  i: number,
  b: PreparedName,
  j: number,
  facts: number = namePairFacts(a, b),
): number {
  const ra = a.roles[i]!;
  const rb = b.roles[j]!;
  if (ra !== 0 && rb !== 0 && ra !== rb) {
    // "Salman bin Muhammad" vs "Muhammad bin Salman": the same word as own name and father's name.
    lastMatch.kind = KIND.role;
    return ROLE_CONFLICT_SIMILARITY;
  }
  // Roman series numerals are numbers by their place in the name, not by their letters (a last "V"
  // is five, a first one an initial), so they are compared before the memo, which keys on letters.
  // The same numeral on both sides falls through to the memo: exact, as any word.
  const series =
    (a.seriesNumbers?.[i] ?? 0) > 0 || (b.seriesNumbers?.[j] ?? 0) > 0
      ? seriesSimilarity(a, i, b, j)
      : undefined;
  if (series !== undefined) return series;
  let similarity = memoisedSimilarity(a, i, b, j, facts);
  if (
    similarity < JOINED_PARTICLES_SIMILARITY &&
    (a.droppedParticles.length > 0 || b.droppedParticles.length > 0)
  )
    similarity = joinedParticles(a, i, b, j, similarity);
  if (similarity < SLIP_SIMILARITY && (a.written !== undefined || b.written !== undefined))
    similarity = asWritten(a, i, b, j, similarity);
  if (similarity < PREFIX_SIMILARITY && (facts & PERSONS) !== 0)
    similarity = abdNameShortened(a, i, b, j, similarity);
  return similarity;
}

/** Abu, "father of", as romanisations write it (Abu, Abou, Abul, Abi, Bu), also joined to the article. */
const KUNYA = /^(?:ab(?:o?u|i)[lr]?|bou?)$/;

/** The bit of `namePairFacts` set when both names are people's. */
const PERSONS = 1 << 30;

/**
 * "Abdul Aziz" called "Aziz", "Abd al-Hamid" "Hamid", "Abdelkader" "Kader": an Abd- name is
 * shortened in everyday use to the divine name that follows Abd (the lists carry both as aliases
 * of one person). A shortened form, as Alex is of Alexander: Aziz is a name of its own too, so
 * the other parts of the names decide. Only the divine names (`abdDivineNames`): "Abdul Khan"
 * is the parser's join of Abdul and Khan, not a name Khan is short for.
 */
function abdNameShortened(
  a: PreparedName,
  i: number,
  b: PreparedName,
  j: number,
  similarity: number,
): number {
  const x = a.keyTokens[i]!;
  const y = b.keyTokens[j]!;
  const long = x.length > y.length ? x : y;
  const short = x.length > y.length ? y : x;
  if (long.length !== short.length + 3 || !long.startsWith('abd') || !long.endsWith(short)) return similarity;
  if (!abdDivineNames.has(short)) return similarity;
  // After Abu the word is a kunya's ("Abul Rahman", father of Rahman), not Abd al-Rahman shortened.
  const [shortName, at] = x.length > y.length ? [b, j] : [a, i];
  if (at > 0 && KUNYA.test(shortName.keyTokens[at - 1]!)) return similarity;
  lastMatch.kind = KIND.prefix;
  return PREFIX_SIMILARITY;
}

/**
 * A Roman series numeral against the other name's word: the same number in Roman numerals or
 * digits (III ~ 3) is exact, and two numerals of organisation names that differ are another series
 * of the same name (OTHER_SERIES_SIMILARITY). Against a word, or between a vessel's or aircraft's
 * numerals, the letters are compared as for any word, so a typo in a numeral (IIII for III) is
 * still a typo; undefined then.
 */
function seriesSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number | undefined {
  const rx = a.seriesNumbers?.[i] ?? 0;
  const ry = b.seriesNumbers?.[j] ?? 0;
  const x = rx || (a.numeric[i] ? Number(a.keyTokens[i]) : 0);
  const y = ry || (b.numeric[j] ? Number(b.keyTokens[j]) : 0);
  if (x === 0 || y === 0) return undefined;
  if (rx > 0 && ry > 0) {
    if (a.schema !== 'Organization' || b.schema !== 'Organization') return undefined;
    if (rx === ry) return undefined;
    lastMatch.kind = KIND.series;
    return OTHER_SERIES_SIMILARITY;
  }
  lastMatch.kind = x === y ? KIND.series : KIND.different;
  return x === y ? 1 : 0;
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
  lastMatch.kind = KIND.written;
  return s;
}

/**
 * "Maria Delacruz" vs "Maria de la Cruz": the side that dropped particles has the bare surname,
 * the other wrote them joined to it. Only checked when one name dropped particles, so
 * "Delgado" never meets "Gado". The Arabic article also before another romanisation of the word
 * (Elkaddafi ~ al-Qadhafi).
 */
function joinedParticles(a: PreparedName, i: number, b: PreparedName, j: number, similarity: number): number {
  const x = a.keyTokens[i]!;
  const y = b.keyTokens[j]!;
  // Three conditionals, not a destructured tuple: this runs for every cell of a name matrix.
  const xShorter = x.length < y.length;
  const short = xShorter ? x : y;
  const long = xShorter ? y : x;
  const shortName = xShorter ? a : b;
  if (shortName.droppedParticles.length === 0 || short.length < 3) return similarity;
  if (
    long.length > short.length + 1 &&
    long.endsWith(short) &&
    JOINABLE_PARTICLES.test(long.slice(0, long.length - short.length))
  ) {
    lastMatch.kind = KIND.particles;
    return JOINED_PARTICLES_SIMILARITY;
  }
  if (
    JOINED_ARABIC_ARTICLE_SOUND_SIMILARITY > similarity &&
    JOINED_ARABIC_ARTICLE.test(long) &&
    sameSoundAfterArticle(long.slice(2), short)
  ) {
    lastMatch.kind = KIND.particles;
    return JOINED_ARABIC_ARTICLE_SOUND_SIMILARITY;
  }
  return similarity;
}

/** The Arabic article written joined to a word of four letters or more (Elkaddafi, Alchwiki). */
const JOINED_ARABIC_ARTICLE = /^(?:al|el)[a-z]{4}/;

/**
 * The Arabic article joined to a surname romanised otherwise than the bare one ("ELKADDAFI" ~
 * "al-Qadhafi", "ALCHWIKI" ~ "al-Shweiki"): one name, as a joined article with the same spelling is
 * (JOINED_PARTICLES_SIMILARITY), a little less sure. Same gate: the other name dropped a particle.
 */
export const JOINED_ARABIC_ARTICLE_SOUND_SIMILARITY = 0.85;

/**
 * The word after a joined article and the bare word sound alike: the same phonetic key, and spelled
 * by sound (KH as H and CH as SH through Russian and French, GH and Q as K, doubled letters once)
 * no further apart than one name part (Kaddafi ~ Qadhafi ~ Gadhafi, Chwiki ~ Shweiki).
 */
function sameSoundAfterArticle(rest: string, bare: string): boolean {
  if (phoneticKey(rest) !== phoneticKey(bare)) return false;
  const x = soundSpelling(throughOtherLanguages(rest) ?? rest);
  const y = soundSpelling(throughOtherLanguages(bare) ?? bare);
  return x === y || spellingSimilarity(x, y, SAME_PART_SIMILARITY) >= SAME_PART_SIMILARITY;
}

/** Similarity of two tokens through the memo (roles already checked). */
function memoisedSimilarity(a: PreparedName, i: number, b: PreparedName, j: number, facts: number): number {
  const left = a.tokenIds[i]!;
  const id = b.tokenIds[j]!;
  if (left === 0 || id === 0) return pairSimilarity(a, i, b, j);
  if (left === id) {
    lastMatch.kind = KIND.exact;
    return 1;
  }
  // Ids stay below 2^28, leaving the top four bits for the facts about the names.
  const right = id | facts;
  const hash = Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b);
  const near = (hash >>> (32 - NEAR_BITS)) << 2;
  const nearHeld = nearKeys[near]!;
  if ((nearHeld & ID_MASK) === left && nearKeys[near + 1] === right) {
    lastMatch.kind = nearHeld >>> 28;
    return nearSimilarity[(near >>> 1) + 1]!;
  }
  // Two ways per set, the set's two slots side by side (32 bytes, one cache line): the pair found
  // or made last goes first, the other moves second.
  const at = (hash >>> (32 - MEMO_BITS)) << 3;
  const held = memoKeys[at]!;
  let similarity: number;
  if ((held & ID_MASK) === left && memoKeys[at + 1] === right) {
    lastMatch.kind = held >>> 28;
    similarity = memoSimilarity[(at >>> 1) + 1]!;
  } else {
    const second = memoKeys[at + 4]!;
    if ((second & ID_MASK) === left && memoKeys[at + 5] === right) {
      lastMatch.kind = second >>> 28;
      similarity = memoSimilarity[(at >>> 1) + 3]!;
    } else similarity = pairSimilarity(a, i, b, j);
    memoKeys[at + 4] = held;
    memoKeys[at + 5] = memoKeys[at + 1]!;
    memoSimilarity[(at >>> 1) + 3] = memoSimilarity[(at >>> 1) + 1]!;
    memoKeys[at] = left | (lastMatch.kind << 28);
    memoKeys[at + 1] = right;
    memoSimilarity[(at >>> 1) + 1] = similarity;
  }
  nearKeys[near] = left | (lastMatch.kind << 28);
  nearKeys[near + 1] = right;
  nearSimilarity[(near >>> 1) + 1] = similarity;
  return similarity;
}
