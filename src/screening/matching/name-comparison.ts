/**
 * Pairwise name comparison: aligns name parts, weighs what agrees against what is missing or
 * conflicting, and explains each part's share. Person and organisation names share the algorithm
 * and differ in weights (extra words, common words, legal forms, numbers, acronyms).
 */
import type { FeatureContribution } from '../../core/index.js';
import type { PreparedName } from './prepared-name.js';
import {
  ACRONYM_SCORE,
  CONFLICT_FACTOR,
  EXTRA_PART_SHARE,
  JOINED_DISCOUNT,
  JOINED_MIN_SIMILARITY,
  LEGAL_FORM_FAMILY_FACTOR,
  LEGAL_FORM_VARIANT_FACTOR,
  NUMBER_CONFLICT_FACTOR,
  NUMBER_EXTRA_FACTOR,
  SAME_PART_SIMILARITY,
} from './name-scoring-rules.js';
import { alignTokens, newAlignment, type Alignment } from './token-alignment.js';
import { spellingSimilarity } from './token-similarity.js';
import { explainAlignment } from './name-explanation.js';

export interface NameComparison {
  score: number;
  features: FeatureContribution[];
}

const scratch = newAlignment();

function isOrgLike(q: PreparedName, c: PreparedName): boolean {
  const s = c.schema !== 'Unknown' ? c.schema : q.schema;
  return s === 'Organization' || s === 'Vessel' || s === 'Aircraft';
}

/** Score of the aligned parts, before organisation adjustments and fallbacks. */
function alignedScore(q: PreparedName, c: PreparedName, a: Alignment, org: boolean): number {
  const share = org ? EXTRA_PART_SHARE.organization : EXTRA_PART_SHARE.person;
  const conflictFactor = org ? CONFLICT_FACTOR.organization : CONFLICT_FACTOR.person;
  let agreed = 0;
  let total = 0;
  let factor = 1;
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    const w = (q.weights[i]! + c.weights[j]!) / 2;
    const s = a.similarity[p]!;
    total += w;
    if (s >= SAME_PART_SIMILARITY) agreed += w * s;
    else factor *= conflictFactor;
  }
  const n = Math.min(q.keyTokens.length, a.queryUsed.length);
  for (let i = 0; i < n; i++) if (!a.queryUsed[i]) total += share * q.weights[i]!;
  const m = Math.min(c.keyTokens.length, a.candidateUsed.length);
  for (let j = 0; j < m; j++) if (!a.candidateUsed[j]) total += share * c.weights[j]!;
  return total > 0 ? (agreed / total) * factor : 0;
}

/** Organisation-only multipliers: legal forms and numbers. */
function orgFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  let factor = 1;
  if (q.legalForms.length > 0 && c.legalForms.length > 0) {
    let same = false;
    let sameFamily = false;
    for (const x of q.legalForms) {
      for (const y of c.legalForms) {
        if (x.canonical === y.canonical) same = true;
        if (x.family === y.family) sameFamily = true;
      }
    }
    if (!same) factor *= sameFamily ? LEGAL_FORM_VARIANT_FACTOR : LEGAL_FORM_FAMILY_FACTOR;
  }
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    if ((q.numeric[i] || c.numeric[j]) && a.similarity[p]! < 1) factor *= NUMBER_CONFLICT_FACTOR;
  }
  for (let i = 0; i < q.keyTokens.length && i < a.queryUsed.length; i++) {
    if (q.numeric[i] && !a.queryUsed[i]) factor *= NUMBER_EXTRA_FACTOR;
  }
  for (let j = 0; j < c.keyTokens.length && j < a.candidateUsed.length; j++) {
    if (c.numeric[j] && !a.candidateUsed[j]) factor *= NUMBER_EXTRA_FACTOR;
  }
  return factor;
}

/** "CJNG" against "Cartel de Jalisco Nueva Generacion". */
function acronymScore(q: PreparedName, c: PreparedName): number {
  const short = q.keyTokens.length === 1 ? q : c.keyTokens.length === 1 ? c : undefined;
  const long = short === q ? c : q;
  if (!short || long.keyTokens.length < 2) return 0;
  const token = short.keyTokens[0]!;
  if (token.length < 2 || token.length > 8) return 0;
  if (token === long.initials) return ACRONYM_SCORE;
  return 0;
}

/** Joined or split words: compare the names with spaces removed. */
function joinedScore(q: PreparedName, c: PreparedName): number {
  if (q.keyTokens.length === c.keyTokens.length) return 0;
  const a = q.joined;
  const b = c.joined;
  const diff = a.length > b.length ? a.length - b.length : b.length - a.length;
  if (diff > 3 || a.length < 4) return 0;
  const s = spellingSimilarity(a, b);
  return s >= JOINED_MIN_SIMILARITY ? s - JOINED_DISCOUNT : 0;
}

function scoreOnce(q: PreparedName, c: PreparedName): number {
  if (q.keyTokens.length === 0 || c.keyTokens.length === 0) return 0;
  const org = isOrgLike(q, c);
  alignTokens(q, c, scratch);
  let score = alignedScore(q, c, scratch, org);
  if (org) score *= orgFactor(q, c, scratch);
  if (score < 0.95) {
    const joined = joinedScore(q, c);
    if (joined > score) score = joined;
    if (org) {
      const acronym = acronymScore(q, c);
      if (acronym > score) score = acronym;
    }
  }
  return Math.min(score, 1);
}

/**
 * Score only, no explanation: the fast path for ranking candidates.
 * @example scoreNames(prepareName('Joaquin Guzman', 'Person'), prepareName('GUZMAN LOERA, Joaquin', 'Person')) // ≈ 0.83
 */
export function scoreNames(q: PreparedName, c: PreparedName): number {
  let best = scoreOnce(q, c);
  if (best < 1) {
    for (const nick of q.nicknames) best = Math.max(best, scoreOnce(nick, c));
    for (const nick of c.nicknames) best = Math.max(best, scoreOnce(q, nick));
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
  }
  const org = isOrgLike(bestQ, bestC);
  alignTokens(bestQ, bestC, scratch);
  const features = explainAlignment(bestQ, bestC, scratch, org, {
    aligned: alignedScore(bestQ, bestC, scratch, org),
    joined: joinedScore(bestQ, bestC),
    acronym: org ? acronymScore(bestQ, bestC) : 0,
    final: best,
    nickname: bestQ !== q || bestC !== c,
  });
  return { score: best, features };
}
