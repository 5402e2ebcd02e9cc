/**
 * Pairs the tokens of two names, best pairs first, in any order: "GUZMAN LOERA Joaquin" and
 * "Joaquin Guzman" align joaquin↔joaquin and guzman↔guzman and leave loera unpaired. Results go
 * into a reusable scratch structure so the hot path does not allocate.
 */
import { SAME_PART_SIMILARITY } from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';
import { KINDS, lastTokenMatchKindCode, type TokenMatchKind } from './token-match-kind.js';
import { namePairFacts, tokenSimilarity } from './token-similarity.js';

/** Names longer than this are compared on their first tokens only (lists rarely exceed 10). */
export const MAX_TOKENS = 24;

export interface Alignment {
  /** Number of pairs. */
  count: number;
  queryIndex: Int32Array;
  candidateIndex: Int32Array;
  similarity: Float64Array;
  kinds: TokenMatchKind[];
  /** 1 where the token is paired. */
  queryUsed: Uint8Array;
  candidateUsed: Uint8Array;
}

/** A scratch alignment, reused across calls. */
export function newAlignment(): Alignment {
  return {
    count: 0,
    queryIndex: new Int32Array(MAX_TOKENS),
    candidateIndex: new Int32Array(MAX_TOKENS),
    similarity: new Float64Array(MAX_TOKENS),
    kinds: new Array<TokenMatchKind>(MAX_TOKENS).fill('different'),
    queryUsed: new Uint8Array(MAX_TOKENS),
    candidateUsed: new Uint8Array(MAX_TOKENS),
  };
}

const matrix = new Float64Array(MAX_TOKENS * MAX_TOKENS);
/** The matrix less a tiny penalty per position apart, so ties go to the pair closest in position. */
const ranked = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const kindMatrix = new Uint8Array(MAX_TOKENS * MAX_TOKENS);

/** Greedy best-first alignment of the key tokens of `q` and `c` into `out`. */
export function alignTokens(q: PreparedName, c: PreparedName, out: Alignment): Alignment {
  const n = Math.min(q.keyTokens.length, MAX_TOKENS);
  const m = Math.min(c.keyTokens.length, MAX_TOKENS);
  out.count = 0;
  out.queryUsed.fill(0, 0, n);
  out.candidateUsed.fill(0, 0, m);
  const facts = namePairFacts(q, c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = tokenSimilarity(q, i, c, j, facts);
      matrix[i * MAX_TOKENS + j] = s;
      ranked[i * MAX_TOKENS + j] = s - (i > j ? i - j : j - i) * 1e-6;
      kindMatrix[i * MAX_TOKENS + j] = lastTokenMatchKindCode();
    }
  }
  const pairs = Math.min(n, m);
  for (let p = 0; p < pairs; p++) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (out.queryUsed[i]) continue;
      for (let j = 0; j < m; j++) {
        if (out.candidateUsed[j]) continue;
        // Ties go to the pair closest in position, keeping "A B" vs "A B" straight.
        const s = ranked[i * MAX_TOKENS + j]!;
        if (s > best) {
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    out.queryUsed[bi] = 1;
    out.candidateUsed[bj] = 1;
    out.queryIndex[p] = bi;
    out.candidateIndex[p] = bj;
    out.similarity[p] = matrix[bi * MAX_TOKENS + bj]!;
    out.kinds[p] = KINDS[kindMatrix[bi * MAX_TOKENS + bj]!]!;
    out.count++;
  }
  if (!orgLike(q, c) && !q.syllabic && !c.syllabic) pairLeftoversByPlace(n, m, out);
  return out;
}

function orgLike(q: PreparedName, c: PreparedName): boolean {
  const schema = c.schema !== 'Unknown' ? c.schema : q.schema;
  return schema === 'Organization' || schema === 'Vessel' || schema === 'Aircraft';
}

const querySlot = new Int32Array(MAX_TOKENS);
const candidateSlot = new Int32Array(MAX_TOKENS);

/**
 * People's names: the parts that agree with nothing are paired as conflicts only when they stand
 * at the same place among the agreeing parts. "Ismael Zambada Garcia" against "Ismael Mario
 * Zambada": GARCIA comes after the shared ZAMBADA and MARIO before it, so they are a maternal
 * surname on one side and a middle name on the other, each missing on the other side, not two
 * versions of one part; "Ramon Fuentes Villalobos" against "Ramon Fuentes Ortega" keeps its
 * conflict. Applied when at least two parts agree, in the same order on both sides (otherwise
 * places cannot be compared and the best-first pairs stand).
 */
function pairLeftoversByPlace(n: number, m: number, out: Alignment): void {
  let anchors = 0;
  for (let p = 0; p < out.count; p++) if (out.similarity[p]! >= SAME_PART_SIMILARITY) anchors++;
  if (anchors < 2 || anchors === out.count) return;
  for (let p = 0; p < out.count; p++) {
    if (out.similarity[p]! < SAME_PART_SIMILARITY) continue;
    for (let r = p + 1; r < out.count; r++) {
      if (out.similarity[r]! < SAME_PART_SIMILARITY) continue;
      if (out.queryIndex[p]! < out.queryIndex[r]! !== out.candidateIndex[p]! < out.candidateIndex[r]!) return;
    }
  }
  // Keep the agreeing pairs; free the tokens of the others.
  let kept = 0;
  for (let p = 0; p < out.count; p++) {
    const i = out.queryIndex[p]!;
    const j = out.candidateIndex[p]!;
    if (out.similarity[p]! < SAME_PART_SIMILARITY) {
      out.queryUsed[i] = 0;
      out.candidateUsed[j] = 0;
      continue;
    }
    out.queryIndex[kept] = i;
    out.candidateIndex[kept] = j;
    out.similarity[kept] = out.similarity[p]!;
    out.kinds[kept] = out.kinds[p]!;
    kept++;
  }
  out.count = kept;
  // A token's place: how many agreeing parts come before it in its own name.
  for (let i = 0; i < n; i++) querySlot[i] = 0;
  for (let j = 0; j < m; j++) candidateSlot[j] = 0;
  for (let p = 0; p < kept; p++) {
    for (let i = out.queryIndex[p]! + 1; i < n; i++) querySlot[i]!++;
    for (let j = out.candidateIndex[p]! + 1; j < m; j++) candidateSlot[j]!++;
  }
  // Pair the free tokens at the same place, in reading order.
  for (let i = 0; i < n; i++) {
    if (out.queryUsed[i]) continue;
    for (let j = 0; j < m; j++) {
      if (out.candidateUsed[j] || candidateSlot[j] !== querySlot[i]) continue;
      out.queryUsed[i] = 1;
      out.candidateUsed[j] = 1;
      out.queryIndex[out.count] = i;
      out.candidateIndex[out.count] = j;
      out.similarity[out.count] = matrix[i * MAX_TOKENS + j]!;
      out.kinds[out.count] = KINDS[kindMatrix[i * MAX_TOKENS + j]!]!;
      out.count++;
      break;
    }
  }
}

/**
 * An unpaired token that repeats a paired neighbour, or sits in a name written twice over ("Sokol
 * Sokol Trading", "OMAR HADDAD OMAR HADDAD"): a word entered twice, not a part missing on the other
 * side. A name repeated further away stays a part of its own: Arabic names chain ancestors, and
 * "… bin Muhammad bin Husayn bin Muhammad" names two men.
 */
export function pairedTwin(name: PreparedName, used: Uint8Array, count: number, i: number): boolean {
  const ids = name.tokenIds;
  const id = ids[i]!;
  if (id === 0) return false;
  if ((i > 0 && used[i - 1] && ids[i - 1] === id) || (i + 1 < count && used[i + 1] && ids[i + 1] === id))
    return true;
  if (count % 2 !== 0) return false;
  const half = count / 2;
  for (let k = 0; k < half; k++) if (ids[k] !== ids[k + half] || ids[k] === 0) return false;
  return used[i < half ? i + half : i - half] === 1;
}
