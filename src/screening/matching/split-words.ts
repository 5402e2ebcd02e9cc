/**
 * Words split or joined differently on the two sides ("Nikolai Patr ushev" vs "Nikolai
 * Platonovich Patrushev", "AEROCARIBBEAN" vs "AERO CARIBBEAN"): adjacent tokens on one side are
 * merged when together they spell a token of the other side, and the names are realigned.
 */
import { MERGE_MIN_SIMILARITY } from './name-scoring-rules.js';
import { withKeyTokens, type PreparedName } from './prepared-name.js';
import { spellingSimilarity } from './token-similarity.js';

const MAX_SPAN = 3;

function mergeInto(side: PreparedName, other: PreparedName): PreparedName | undefined {
  const tokens = side.keyTokens;
  const n = tokens.length;
  if (n < 2) return undefined;
  let out: string[] | undefined;
  let outRoles: number[] | undefined;
  let i = 0;
  const kept: string[] = [];
  const keptRoles: number[] = [];
  while (i < n) {
    let mergedSpan = 0;
    for (let span = Math.min(MAX_SPAN, n - i); span >= 2 && mergedSpan === 0; span--) {
      let merged = tokens[i]!;
      for (let k = 1; k < span; k++) merged += tokens[i + k]!;
      for (const t of other.keyTokens) {
        if (t.charCodeAt(0) !== merged.charCodeAt(0)) continue;
        const diff = t.length - merged.length;
        if (diff > 2 || diff < -2) continue;
        if (t === tokens[i] || t === tokens[i + 1]) continue;
        if (spellingSimilarity(merged, t) >= MERGE_MIN_SIMILARITY) {
          kept.push(merged);
          keptRoles.push(side.roles[i] ?? 0);
          mergedSpan = span;
          break;
        }
      }
    }
    if (mergedSpan > 0) {
      i += mergedSpan;
      out = kept;
      outRoles = keptRoles;
    } else {
      kept.push(tokens[i]!);
      keptRoles.push(side.roles[i] ?? 0);
      i++;
    }
  }
  return out && outRoles ? withKeyTokens(side, out, outRoles) : undefined;
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
