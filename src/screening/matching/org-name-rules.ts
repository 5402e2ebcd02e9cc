/**
 * Organisation-only adjustments to an aligned name score: legal forms from different families
 * (AG vs GmbH) and numbers that disagree ("Brigade 44" vs "Brigade 45") lower it.
 */
import {
  LEGAL_FORM_FAMILY_FACTOR,
  LEGAL_FORM_VARIANT_FACTOR,
  NUMBER_CONFLICT_FACTOR,
  NUMBER_EXTRA_FACTOR,
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

/** Multiplier for numbers: each disagreeing or one-sided number lowers the score. */
export function numberFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  let factor = 1;
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    if ((q.numeric[i] || c.numeric[j]) && a.similarity[p]! < 1) factor *= NUMBER_CONFLICT_FACTOR;
  }
  for (let i = 0; i < q.keyTokens.length && i < a.queryUsed.length; i++) {
    if (q.numeric[i] && !a.queryUsed[i]) factor *= NUMBER_EXTRA_FACTOR;
  }
  for (let j = 0; j < c.keyTokens.length && j < a.candidateUsed.length; j++) {
    if (c.numeric[j] && !a.candidateUsed[j]) factor *= NUMBER_EXTRA_FACTOR;
  }
  return factor;
}

/** Both organisation multipliers. */
export function orgFactor(q: PreparedName, c: PreparedName, a: Alignment): number {
  return legalFormFactor(q, c) * numberFactor(q, c, a);
}
