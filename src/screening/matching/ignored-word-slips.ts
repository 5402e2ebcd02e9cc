/**
 * Two small facts about a pair of prepared names that the score and its explanation both need:
 * whether an unpaired word is a slip of a word the other name took out (a legal form, title or
 * particle), and whether the names are the same words in the same order.
 */
import { isSlipOf } from '../normalize/index.js';
import type { PreparedName } from './prepared-name.js';

/**
 * The legal-form word, title or particle of `other` that an unpaired `token` is a slip of
 * ("ojs" of "ojsc"), or undefined. Digits are never a slip.
 */
export function slipOfIgnoredWord(token: string, other: PreparedName): string | undefined {
  const words = other.ignoredWords;
  if (words.length === 0) return undefined;
  const c0 = token.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return undefined;
  // Particles of personal names (bin, ben, de, van) are also given names and surnames (Chinese
  // Bin, Dutch Van): a word a letter away from one of them is not taken for it; only the same
  // letters mistyped are (two swapped, one doubled: "LE NINON" for "EL NINON", "Inb" for "Ibn",
  // "EEL" for "EL"), or the vowel of a two-letter article ("IL ABUSADOR", "OL PADRINO").
  const people = other.schema !== 'Organization' && other.schema !== 'Vessel' && other.schema !== 'Aircraft';
  // The same word too: "AG" that one name took out as a legal form and the other kept as a word.
  for (const word of words) {
    if (people && other.droppedParticles.includes(word)) {
      if (particleSlip(token, word)) return word;
      continue;
    }
    if (word === token || isSlipOf(token, word)) return word;
  }
  return undefined;
}

/** `token` is `particle` with two neighbours swapped or a letter doubled, or a two-letter article's vowel replaced. */
function particleSlip(token: string, particle: string): boolean {
  if (token === particle) return true;
  if (!isSlipOf(token, particle)) return false;
  if (token.length === particle.length) {
    if (token.length === 2) return true; // isSlipOf: swapped, or a vowel for a vowel
    let k = 0;
    while (token[k] === particle[k]) k++;
    return token[k] === particle[k + 1] && token[k + 1] === particle[k];
  }
  if (token.length !== particle.length + 1) return false;
  let k = 0;
  while (k < particle.length && token[k] === particle[k]) k++;
  return token[k] === token[k - 1] || token[k] === token[k + 1];
}

/**
 * The two names are the same words in the same order once normalised ("DOCTOR M.R.O.", "1-P"):
 * the same name, whatever the rules for initials or thin evidence would say of its parts.
 */
export function sameWords(q: PreparedName, c: PreparedName): boolean {
  const a = q.native && c.native ? q.native.tokens : q.tokens;
  const b = q.native && c.native ? c.native.tokens : c.tokens;
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
