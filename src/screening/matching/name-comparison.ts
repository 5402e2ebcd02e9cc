/**
 * Pairwise name comparison: aligns name parts, weighs what agrees against what is missing or
 * conflicting, and explains each part's share. Person and organisation names share the algorithm
 * and differ in weights (extra words, common words, legal forms, numbers, acronyms).
 */
import type { FeatureContribution } from '../../core/index.js';
import { explainAlignment } from './name-explanation.js';
import {
  ACRONYM_SCORE,
  CODE_GROUP_LETTERS,
  CODE_SLIP_SCORE,
  CONFLICT_FACTOR,
  DISTINCTIVE_WORD_WEIGHT,
  FULL_VALUE_SIMILARITY,
  GENERATION_CONFLICT_FACTOR,
  generationsDiffer,
  IGNORED_WORD_SLIP_FACTOR,
  INITIALS_ONLY_FACTOR,
  JOINED_DISCOUNT,
  JOINED_MAX_EDITS,
  JURISDICTION_WEIGHT,
  missingPartShare,
  ONE_WORD_NAME_EXTRA_SHARE,
  pairWeight,
  personalQueryOverOneWord,
  SAME_PART_SIMILARITY,
  VALUE_CURVE,
} from './name-scoring-rules.js';
import { jurisdictionWords, orgStopwords } from '../normalize/index.js';
import { sameWords, slipOfIgnoredWord } from './ignored-word-slips.js';
import { orgFactor, syllableAcronymScore } from './org-name-rules.js';
import type { PreparedName } from './prepared-name.js';
import { mergeSplitWords } from './split-words.js';
import { alignTokens, newAlignment, pairedTwin, type Alignment } from './token-alignment.js';
import { editDistance } from './edit-distance.js';
import { letterSlip } from './letter-slips.js';

export interface NameComparison {
  score: number;
  features: FeatureContribution[];
}

const scratch = newAlignment();

function isOrgLike(q: PreparedName, c: PreparedName): boolean {
  const s = c.schema !== 'Unknown' ? c.schema : q.schema;
  return s === 'Organization' || s === 'Vessel' || s === 'Aircraft';
}

/** What an aligned part is worth: its similarity, discounted steeply below FULL_VALUE_SIMILARITY. */
function partValue(s: number): number {
  return s >= FULL_VALUE_SIMILARITY ? s : s - VALUE_CURVE * (FULL_VALUE_SIMILARITY - s);
}

/** Score of the aligned parts, before organisation adjustments and fallbacks. */
export function alignedScore(q: PreparedName, c: PreparedName, a: Alignment, org: boolean): number {
  // Romanised Korean names are syllables too (Choe Chun Yong): a missing one is a different name.
  const syllabic =
    !org && (q.syllabic || c.syllabic || (q.koreanKeys !== undefined && c.koreanKeys !== undefined));
  const conflictFactor = org ? CONFLICT_FACTOR.organization : CONFLICT_FACTOR.person;
  let agreed = 0;
  let total = 0;
  let factor = 1;
  // Weight of the agreeing full words (initials left out): how well the agreement identifies.
  let solid = 0;
  let initials = 0;
  // An organisation's distinctive word agrees: a country or region missing on one side is then a
  // qualifier ("SBERBANK OF RUSSIA"), not what tells two generic names apart ("NATIONAL BANK").
  let distinctive = false;
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    const s = a.similarity[p]!;
    const same = s >= SAME_PART_SIMILARITY;
    const w = pairWeight(q.weights[i]!, c.weights[j]!, same, org);
    total += w;
    if (same) {
      agreed += w * partValue(s);
      if (q.keyTokens[i]!.length === 1 || c.keyTokens[j]!.length === 1) initials++;
      else solid += w;
      if (w >= DISTINCTIVE_WORD_WEIGHT) distinctive = true;
    } else factor *= conflictFactor;
  }
  if (!org && solid === 0 && initials > 0) factor *= INITIALS_ONLY_FACTOR;
  const share = missingPartShare(org, syllabic, solid);
  const queryShare = org && personalQueryOverOneWord(q, c) ? ONE_WORD_NAME_EXTRA_SHARE : share;
  const qualifiers = org && distinctive;
  // A missing syllable of an East Asian name weighs fully even when it is a common surname.
  // A word written twice on one side costs nothing where its twin is paired.
  const n = Math.min(q.keyTokens.length, a.queryUsed.length);
  for (let i = 0; i < n; i++) {
    if (a.queryUsed[i] || pairedTwin(q, a.queryUsed, n, i)) continue;
    if (slipOfIgnoredWord(q.keyTokens[i]!, c) !== undefined) factor *= IGNORED_WORD_SLIP_FACTOR;
    else total += queryShare * (syllabic ? 1 : extraWeight(q, i, qualifiers));
  }
  const m = Math.min(c.keyTokens.length, a.candidateUsed.length);
  for (let j = 0; j < m; j++) {
    if (a.candidateUsed[j] || pairedTwin(c, a.candidateUsed, m, j)) continue;
    if (slipOfIgnoredWord(c.keyTokens[j]!, q) !== undefined) factor *= IGNORED_WORD_SLIP_FACTOR;
    else total += share * (syllabic ? 1 : extraWeight(c, j, qualifiers));
  }
  return total > 0 ? (agreed / total) * factor : 0;
}

/**
 * What an unpaired word of a name costs, before the missing-part share: its weight, or at most
 * JURISDICTION_WEIGHT for a country or region word of an organisation whose distinctive word agrees.
 */
function extraWeight(name: PreparedName, k: number, qualifiers: boolean): number {
  const w = name.weights[k]!;
  return qualifiers && w > JURISDICTION_WEIGHT && jurisdictionWords.has(name.keyTokens[k]!)
    ? JURISDICTION_WEIGHT
    : w;
}

/**
 * "CJNG" against "Cartel de Jalisco Nueva Generacion". Acronyms often keep the initial of the
 * legal form ("NIOC": National Iranian Oil Company) or of a function word ("PDVSA": Petróleos de
 * Venezuela S.A.), and keep some function words while they skip others ("MOIS": Ministry of
 * Intelligence and Security; "AQAP": Al-Qaida in the Arabian Peninsula): every key word gives its
 * initial, in order, and each function word or legal-form word may give its own or not. A code of
 * short groups stands for one acronym ("IRGC-QF").
 */
export function acronymScore(q: PreparedName, c: PreparedName): number {
  const short = acronymLike(q) ? q : acronymLike(c) ? c : undefined;
  const long = short === q ? c : q;
  if (!short || long.keyTokens.length < 2 || long.keyTokens.length <= short.keyTokens.length) return 0;
  const token = short.joined;
  if (token.length < 2 || token.length > 8) return 0;
  if (token === long.initials) return ACRONYM_SCORE;
  if (long.tokens.length <= long.keyTokens.length || token.length < 3)
    return short.keyTokens.length === 1 ? syllableAcronymScore(token, long.tokens, long.keyTokens) : 0;
  let every = '';
  for (const t of long.tokens) every += t[0];
  if (token === `${every.slice(0, -1)}${long.tokens.at(-1)}`) return ACRONYM_SCORE;
  if (initialsWithOptionalWords(token, long.tokens, 0, 0, long.keyTokens)) return ACRONYM_SCORE;
  return short.keyTokens.length === 1 ? syllableAcronymScore(token, long.tokens, long.keyTokens) : 0;
}

/** One word, or up to three groups of at most four letters ("IRGC QF"). */
function acronymLike(name: PreparedName): boolean {
  const n = name.keyTokens.length;
  return n === 1 || (n <= 3 && name.keyTokens.every((t) => t.length <= 4 && !DIGIT.test(t)));
}

/**
 * Whether `acronym` from letter k on is the initials of `tokens` from word i on, every key word
 * giving its initial and every other word (function word, legal form) its own or nothing.
 */
function initialsWithOptionalWords(
  acronym: string,
  tokens: readonly string[],
  i: number,
  k: number,
  key: readonly string[],
): boolean {
  if (i === tokens.length) return k === acronym.length;
  const word = tokens[i]!;
  const optional = !key.includes(word) || orgStopwords.has(word);
  if (
    k < acronym.length &&
    word[0] === acronym[k] &&
    initialsWithOptionalWords(acronym, tokens, i + 1, k + 1, key)
  )
    return true;
  return optional && initialsWithOptionalWords(acronym, tokens, i + 1, k, key);
}

/** Joined or split words: the names with spaces removed differ by at most a typo. */
export function joinedScore(q: PreparedName, c: PreparedName): number {
  // Spaces never make a number: a series numeral or number on one side only ("STAR ALPHA I" against
  // "STAR ALPHA") is not a letter joined to a word.
  if (!sameNumbers(q, c)) return 0;
  const sameCount = q.keyTokens.length === c.keyTokens.length;
  // Same token count: only a legal form glued to the name ("SiemensAG") can be a joining difference.
  if (sameCount && q.legalForms.length === c.legalForms.length) return 0;
  if (sameCount) return joinedPairScore(q.joinedAll, c.joinedAll);
  const score = joinedPairScore(q.joined, c.joined);
  if (score > 0 || q.schema !== 'Person' || c.schema !== 'Person') return score;
  // A particle joined into a word on one side ("Nurulhaq", "Saifalislam") is dropped as a word on
  // the other ("Nur ul Haq"): compare with the particles kept where a name had any. Letter for
  // letter: a slip there would read a name one letter from a particle as the particle (Lin, Bin).
  return particleJoined(q, c) || particleJoined(c, q) ? 1 - JOINED_DISCOUNT : 0;
}

/** `a` with its dropped particles kept is `b` with spaces removed, letter for letter. */
function particleJoined(a: PreparedName, b: PreparedName): boolean {
  return a.droppedParticles.length > 0 && a.joinedAll === b.joined;
}

/** The two names as `joinedScore` compared them, for the explanation. */
export function joinedForms(q: PreparedName, c: PreparedName): readonly [string, string] {
  const sameCount = q.keyTokens.length === c.keyTokens.length;
  if (sameCount) return [q.joinedAll, c.joinedAll];
  if (joinedPairScore(q.joined, c.joined) > 0 || q.schema !== 'Person' || c.schema !== 'Person')
    return [q.joined, c.joined];
  if (particleJoined(q, c)) return [q.joinedAll, c.joined];
  if (particleJoined(c, q)) return [q.joined, c.joinedAll];
  return [q.joined, c.joined];
}

/** Two names with spaces removed, when they differ by at most JOINED_MAX_EDITS; else 0. */
function joinedPairScore(a: string, b: string): number {
  const diff = a.length > b.length ? a.length - b.length : b.length - a.length;
  if (diff > JOINED_MAX_EDITS || a.length < 4) return 0;
  const d = editDistance(a, b, JOINED_MAX_EDITS);
  if (d > JOINED_MAX_EDITS) return 0;
  return 1 - d / Math.max(a.length, b.length) - JOINED_DISCOUNT;
}

/** The number of key word k (digits, or a Roman series numeral's value), or '' when it is none. */
function numberAt(name: PreparedName, k: number): string {
  const series = name.seriesNumbers?.[k] ?? 0;
  return series > 0 ? String(series) : name.numeric[k] ? name.keyTokens[k]! : '';
}

/** Both names hold the same numbers in the same order (digits, Roman series numerals by value). */
function sameNumbers(q: PreparedName, c: PreparedName): boolean {
  const m = c.keyTokens.length;
  let j = 0;
  for (let i = 0; i < q.keyTokens.length; i++) {
    if (!q.numeric[i] && (q.seriesNumbers?.[i] ?? 0) === 0) continue;
    while (j < m && !c.numeric[j] && (c.seriesNumbers?.[j] ?? 0) === 0) j++;
    if (j === m || numberAt(c, j) !== numberAt(q, i)) return false;
    j++;
  }
  while (j < m && !c.numeric[j] && (c.seriesNumbers?.[j] ?? 0) === 0) j++;
  return j === m;
}

/**
 * Every word (legal forms and particles included: the E of "E-MMC") is a short letter group or
 * holds a digit, there are two or a digit, and the key words alone make three characters or more
 * (a two-letter code beside a legal form, "JSC NZ", is too short to call a slip).
 */
function codeLike(name: PreparedName): boolean {
  if (name.joined.length < 3) return false;
  const tokens = name.tokens;
  let digit = false;
  for (const t of tokens) {
    const hasDigit = DIGIT.test(t);
    if (!hasDigit && t.length > CODE_GROUP_LETTERS) return false;
    digit ||= hasDigit;
  }
  return tokens.length > 0 && (digit || tokens.length > 1);
}

const DIGIT = /\d/;

/** "RA-65986" against "A-65986": a code with a slip (CODE_SLIP_SCORE), else 0. Organisations only. */
export function codeSlipScore(q: PreparedName, c: PreparedName): number {
  if (!codeLike(q) || !codeLike(c)) return 0;
  const a = q.joinedAll;
  const b = c.joinedAll;
  if (a === b) return 0;
  return letterSlip(a, b, false, true) ? CODE_SLIP_SCORE : 0;
}

function scoreAligned(q: PreparedName, c: PreparedName, org: boolean): number {
  alignTokens(q, c, scratch);
  let score = alignedScore(q, c, scratch, org);
  if (org) score *= orgFactor(q, c, scratch);
  return score;
}

function scoreOnce(q: PreparedName, c: PreparedName): number {
  const score = scoreWords(q, c);
  return generationsDiffer(q, c) ? score * GENERATION_CONFLICT_FACTOR : score;
}

function scoreWords(q: PreparedName, c: PreparedName): number {
  if (sameWords(q, c)) return 1;
  if (q.native && c.native) return scoreWords(q.native, c.native);
  if (q.keyTokens.length === 0 || c.keyTokens.length === 0) return 0;
  const org = isOrgLike(q, c);
  let score = scoreAligned(q, c, org);
  if (score < 0.95) {
    const joined = joinedScore(q, c);
    if (joined > score) score = joined;
    if (org) {
      const acronym = acronymScore(q, c);
      if (acronym > score) score = acronym;
      if (score < CODE_SLIP_SCORE) {
        const code = codeSlipScore(q, c);
        if (code > score) score = code;
      }
    }
    const merged = mergeSplitWords(q, c);
    if (merged) {
      const s = scoreAligned(merged.query, merged.candidate, org);
      if (s > score) score = s;
    }
  }
  return Math.min(1, Math.max(0, score));
}

/**
 * Score only, no explanation: the fast path for ranking candidates.
 * @example scoreNames(prepareName('Joaquin Guzman', 'Person'), prepareName('GUZMAN LOERA, Joaquin', 'Person')) // ≈ 0.9
 */
export function scoreNames(q: PreparedName, c: PreparedName): number {
  let best = scoreOnce(q, c);
  if (best < 1) {
    for (const nick of q.nicknames) best = Math.max(best, scoreOnce(nick, c));
    for (const nick of c.nicknames) best = Math.max(best, scoreOnce(q, nick));
    if (q.initialsApart) best = Math.max(best, scoreOnce(q.initialsApart, c));
    if (c.initialsApart) best = Math.max(best, scoreOnce(q, c.initialsApart));
  }
  return best;
}

/**
 * Compares two prepared names and explains the score part by part.
 * @example compareNames(prepareName('J. Guzman', 'Person'), prepareName('Joaquin Guzman', 'Person')).score // > 0.9
 */
export function compareNames(q: PreparedName, c: PreparedName): NameComparison {
  let bestQ = q;
  let bestC = c;
  let best = scoreOnce(q, c);
  if (best < 1) {
    for (const nick of q.nicknames) {
      const s = scoreOnce(nick, c);
      if (s > best) [best, bestQ, bestC] = [s, nick, c];
    }
    for (const nick of c.nicknames) {
      const s = scoreOnce(q, nick);
      if (s > best) [best, bestQ, bestC] = [s, q, nick];
    }
    if (q.initialsApart) {
      const s = scoreOnce(q.initialsApart, c);
      if (s > best) [best, bestQ, bestC] = [s, q.initialsApart, c];
    }
    if (c.initialsApart) {
      const s = scoreOnce(q, c.initialsApart);
      if (s > best) [best, bestQ, bestC] = [s, q, c.initialsApart];
    }
  }
  const nickname = bestQ !== q || bestC !== c;
  if (bestQ.native && bestC.native) {
    bestQ = bestQ.native;
    bestC = bestC.native;
  }
  const org = isOrgLike(bestQ, bestC);
  const merged = mergeSplitWords(bestQ, bestC);
  alignTokens(bestQ, bestC, scratch);
  let aligned = alignedScore(bestQ, bestC, scratch, org);
  if (merged) {
    const alt = newAlignment();
    alignTokens(merged.query, merged.candidate, alt);
    const s = alignedScore(merged.query, merged.candidate, alt, org);
    if (s > aligned) {
      bestQ = merged.query;
      bestC = merged.candidate;
      alignTokens(bestQ, bestC, scratch);
      aligned = s;
    }
  }
  const features = explainAlignment(bestQ, bestC, scratch, org, {
    aligned,
    joined: joinedScore(bestQ, bestC),
    joinedForms: joinedForms(bestQ, bestC),
    acronym: org ? acronymScore(bestQ, bestC) : 0,
    code: org ? codeSlipScore(bestQ, bestC) : 0,
    final: best,
    nickname,
    merged: merged !== undefined && bestQ === merged.query,
    identical: sameWords(bestQ, bestC),
    generations: [q.generation, c.generation],
  });
  return { score: best, features };
}
