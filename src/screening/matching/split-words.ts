/**
 * Words split or joined differently on the two sides ("Nikolai Patr ushev" vs "Nikolai
 * Platonovich Patrushev", "AEROCARIBBEAN" vs "AERO CARIBBEAN"): adjacent tokens on one side are
 * merged when together they spell a token of the other side, and the names are realigned.
 */
import { MERGE_MIN_SIMILARITY } from './name-scoring-rules.js';
import { withKeyTokens, type PreparedName } from './prepared-name.js';
import { abdNameAcross, consonantSkeleton } from '../normalize/index.js';
import { spellingSimilarity } from './spelling-similarity.js';

const MAX_SPAN = 3;

/** Length of the span of tokens starting at `i` that together spell a token of `other` (0 if none). */
function mergeableSpan(tokens: string[], i: number, other: PreparedName, abjad: boolean): number {
  const n = tokens.length;
  for (let span = Math.min(MAX_SPAN, n - i); span >= 2; span--) {
    let length = 0;
    for (let k = 0; k < span; k++) length += tokens[i + k]!.length;
    const first = tokens[i]!.charCodeAt(0);
    for (const t of other.keyTokens) {
      // Cheap filters first: same first letter, similar length, not already a token of this side.
      if (t.charCodeAt(0) !== first) continue;
      const diff = t.length - length;
      if (diff > 2 || diff < -2) continue;
      if (t === tokens[i] || t === tokens[i + 1]) continue;
      let merged = tokens[i]!;
      for (let k = 1; k < span; k++) merged += tokens[i + k]!;
      if (spellingSimilarity(merged, t, MERGE_MIN_SIMILARITY) >= MERGE_MIN_SIMILARITY) return span;
      // Romanised from Arabic script, without short vowels: نصر الله "nsr allh" is Nasrallah.
      if (abjad && consonantSkeleton(merged) === consonantSkeleton(t)) return span;
    }
  }
  return 0;
}

function mergeInto(side: PreparedName, other: PreparedName): PreparedName | undefined {
  const tokens = side.keyTokens;
  const n = tokens.length;
  if (n < 2) return undefined;
  let kept: string[] | undefined;
  let keptRoles: number[] | undefined;
  for (let i = 0; i < n; ) {
    // An Abd- name the other side holds joined: written surname-first ("RAHMAN Abdul") or split
    // with a letter dropped from its Abd- form ("Adul Rachim", the slip kept).
    const abd = i < n - 1 ? abdNameAcross(tokens[i]!, tokens[i + 1]!, other.keyTokens) : undefined;
    const span = abd ? 2 : i < n - 1 ? mergeableSpan(tokens, i, other, side.fromAbjad || other.fromAbjad) : 0;
    if (span > 0 && !kept) {
      // First merge found: copy what came before (allocation only on this rare path).
      kept = tokens.slice(0, i);
      keptRoles = side.roles.slice(0, i);
    }
    if (kept && keptRoles) {
      kept.push(abd ?? tokens.slice(i, i + Math.max(span, 1)).join(''));
      keptRoles.push(side.roles[i] ?? 0);
    }
    i += Math.max(span, 1);
  }
  return kept && keptRoles ? withKeyTokens(side, kept, keptRoles) : undefined;
}

/** The two names with split words merged on either side, or undefined when nothing merges. */
export function mergeSplitWords(
  q: PreparedName,
  c: PreparedName,
): { query: PreparedName; candidate: PreparedName } | undefined {
  const mq = mergeInto(q, c);
  const mc = mergeInto(c, mq ?? q);
  if (!mq && !mc) return undefined;
  return { query: mq ?? q, candidate: mc ?? c };
}
