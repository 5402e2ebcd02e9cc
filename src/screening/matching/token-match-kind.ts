/**
 * The kinds of agreement between two name tokens (exact, variant, initial, slip, …) as small codes:
 * the similarity functions record the kind of their last result here instead of returning an
 * object, so the hot path allocates nothing, and explanations read it back.
 */

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
  | 'written'
  | 'series'
  | 'ordinal';

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
  'series',
  'ordinal',
];
/** Kind → code, for the hot path. */
export const KIND = Object.fromEntries(KINDS.map((k, n) => [k, n])) as Record<TokenMatchKind, number>;

/** The kind code of the last similarity computed, written by the similarity functions. */
export const lastMatch = { kind: KIND.different as number };

/** The kind of the last tokenSimilarity() result (kept out of the return value to avoid allocation). */
export function lastTokenMatchKind(): TokenMatchKind {
  return KINDS[lastMatch.kind]!;
}

/** The code (index into KINDS) of the last tokenSimilarity() result's kind. */
export function lastTokenMatchKindCode(): number {
  return lastMatch.kind;
}
