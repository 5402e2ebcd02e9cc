/**
 * The name-matching core of screening: prepare names once, compare them pairwise with a readable
 * explanation, and score a whole party with its qualifiers. The index and screener build on this.
 */
export { prepareName, toNameSchema, type NameSchema, type PreparedName } from './prepared-name.js';
export { compareNames, scoreNames, type NameComparison } from './name-comparison.js';
export { scoreParty, PartyScorer, IDENTIFIER_MATCH_SCORE, type PartyScoringOptions } from './party-scoring.js';
export { normalizeIdentifier } from './qualifiers.js';
export { clearTokenSimilarityMemo } from './token-similarity.js';

/**
 * The one default match threshold: a name score at or above it is a match. On the public half of
 * the nomenklatura name benchmark F1 is flat (0.88–0.89) from 0.60 to 0.80; the top of that range
 * is used because screening against whole lists must keep false alerts per 1,000 names low.
 */
export const DEFAULT_THRESHOLD = 0.8;

/** Identifies the scoring algorithm in every explanation; bump whenever scores change. */
export const MATCHER_VERSION = 'sentinela-match-3';
