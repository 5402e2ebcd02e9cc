/**
 * Organisation-only adjustments to an aligned name score: legal forms from different families
 * (AG vs GmbH) and numbers that disagree ("Brigade 44" vs "Brigade 45") lower it.
 */
import {
  LEGAL_FORM_FAMILY_FACTOR,
  LEGAL_FORM_VARIANT_FACTOR,
  NUMBER_CONFLICT_FACTOR,
  NUMBER_EXTRA_FACTOR,
  SAME_PART_SIMILARITY,
} from './name-scoring-rules.js';
import type { PreparedName } from './prepared-name.js';
import type { Alignment } from './token-alignment.js';

/** Multiplier for legal forms: 1 when either side has none or they agree. */
export function legalFormFactor(q: PreparedName, c: PreparedName): number {
  if (q.legalForms.length === 0 || c.legalForms.length === 0) return 1;
  let sameFamily = false;
  for (const x of q.legalForms) {
    for (const y of c.legalForms) {
      if (x.canonical === y.canonical) return 1;
      if (x.family === y.family) sameFamily = true;
    }
  }
  return sameFamily ? LEGAL_FORM_VARIANT_FACTOR : LEGAL_FORM_FAMILY_FACTOR;
}

/** A number in digits or a Roman series numeral ("Fund III"). */
function isNumber(name: PreparedName, k: number): boolean {
  return name.numeric[k]! || (name.seriesNumbers?.[k] ?? 0) > 0;
}

/** Multiplier for numbers: each disagreeing or one-sided number lowers the score. */
export function numberFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  let factor = 1;
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    // Digits agree or not (similarity 1 or 0); a numeral's letters may be a typo of the other's
    // (IIII for III) and two series numerals of organisations another series of one name.
    if ((isNumber(q, i) || isNumber(c, j)) && a.similarity[p]! < SAME_PART_SIMILARITY)
      factor *= NUMBER_CONFLICT_FACTOR;
  }
  for (let i = 0; i < q.keyTokens.length && i < a.queryUsed.length; i++) {
    if (isNumber(q, i) && !a.queryUsed[i]) factor *= NUMBER_EXTRA_FACTOR;
  }
  for (let j = 0; j < c.keyTokens.length && j < a.candidateUsed.length; j++) {
    if (isNumber(c, j) && !a.candidateUsed[j]) factor *= NUMBER_EXTRA_FACTOR;
  }
  return factor;
}

/** Both organisation multipliers. */
export function orgFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  return legalFormFactor(q, c) * numberFactor(q, c, a);
}
