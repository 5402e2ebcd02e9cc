/**
 * Pairs the tokens of two names, best pairs first, in any order: "GUZMAN LOERA Joaquin" and
 * "Joaquin Guzman" align joaquin↔joaquin and guzman↔guzman and leave loera unpaired. Results go
 * into a reusable scratch structure so the hot path does not allocate.
 */
import type { PreparedName } from './prepared-name.js';
import { KINDS, lastTokenMatchKindCode, tokenSimilarity, type TokenMatchKind } from './token-similarity.js';

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
  /** Per pair, 1 when markDisplacedPairs() found its two tokens at different places in the names. */
  displaced: Uint8Array;
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
    displaced: new Uint8Array(MAX_TOKENS),
  };
}

/**
 * Marks the pairs below `minSimilarity` whose two tokens stand at different places among the
 * agreeing parts, and returns how many. "Ismael Zambada Garcia" against "Ismael Mario Zambada":
 * GARCIA comes after the shared ZAMBADA, MARIO before it, so they are not two versions of one name
 * part but a maternal surname on one side and a middle name on the other — each missing from the
 * other side, not in conflict. Only when the agreeing parts keep the same order on both sides;
 * otherwise places cannot be compared and nothing is marked.
 */
export function markDisplacedPairs(a: Alignment, minSimilarity: number): number {
  let anchors = 0;
  let conflicts = 0;
  for (let p = 0; p < a.count; p++) {
    a.displaced[p] = 0;
    if (a.similarity[p]! >= minSimilarity) anchors++;
    else conflicts++;
  }
  // One shared part cannot say where the others stand ("Zimu Kalonga" vs "Innocent Zimu").
  if (anchors < 2 || conflicts === 0) return 0;
  // Same order on both sides: no two agreeing pairs cross.
  for (let p = 0; p < a.count; p++) {
    if (a.similarity[p]! < minSimilarity) continue;
    for (let r = p + 1; r < a.count; r++) {
      if (a.similarity[r]! < minSimilarity) continue;
      if (a.queryIndex[p]! < a.queryIndex[r]! !== a.candidateIndex[p]! < a.candidateIndex[r]!) return 0;
    }
  }
  let marked = 0;
  for (let p = 0; p < a.count; p++) {
    if (a.similarity[p]! >= minSimilarity) continue;
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    let beforeQuery = 0;
    let beforeCandidate = 0;
    for (let r = 0; r < a.count; r++) {
      if (a.similarity[r]! < minSimilarity) continue;
      if (a.queryIndex[r]! < i) beforeQuery++;
      if (a.candidateIndex[r]! < j) beforeCandidate++;
    }
    if (beforeQuery !== beforeCandidate) {
      a.displaced[p] = 1;
      marked++;
    }
  }
  return marked;
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
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = tokenSimilarity(q, i, c, j);
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
  return out;
}
