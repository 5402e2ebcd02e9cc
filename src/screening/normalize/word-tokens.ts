/**
 * Romanised, lowercase name text cut into word tokens: the one place that decides what a word is
 * (dotted initialisms, Nordic "A/S", possessives, apostrophes, hyphens).
 */
import type { NameKindHint } from './name-kind.js';

/** Lowercase text → word tokens: dotted initialisms, possessives, apostrophes and hyphens handled. */
export function splitWords(latin: string, kind: NameKindHint): string[] {
  let text = latin.replace(/&/g, ' and ');
  // "S.A." / "C.K." → "sa" / "ck" for organisations; "J.M." → "j m" for people.
  text = text.replace(/\b(?:[a-z0-9]\.){2,}(?![a-z0-9])/g, (m) =>
    kind === 'person' ? m.replace(/\./g, ' ') : `${m.replace(/\./g, '')} `,
  );
  // "A/S", "I/S", "K/S" (Nordic legal forms) are one word, not two letters.
  if (kind !== 'person') text = text.replace(/\b([a-z])\/([a-z])\b/g, '$1$2');
  text = text.replace(/(\w)'s\b/g, '$1').replace(/'/g, '');
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((t) => t !== '');
}
