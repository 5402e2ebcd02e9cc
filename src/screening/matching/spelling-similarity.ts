/**
 * Spelling similarity of two words from their edit distance: the measure every other token rule
 * (slips, sounds, romanisations) is set against.
 */
import { editDistance } from './edit-distance.js';

/** More edits than this between two spellings is not a typo (when the sound does not say otherwise). */
export const MAX_TYPO_EDITS = 2;

/** Below this, spelling similarity is reported as 0: such pairs are different words anyway. */
export const MIN_SPELLING_SIMILARITY = 0.5;

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
