/**
 * The "same party" decision the case service hands to the case engine: two alerts concern the same
 * party when one of the parties each names matches one of the other's under the screening name
 * matcher (Spanish surnames, word order, transliteration, typos — the same judgement screening
 * makes), or, for alerts that name no party, when they have the same subject.
 */
import type { SamePartyDecision } from '../cases/index.js';
import type { Alert } from '../core/index.js';

/**
 * @example
 * const sameParty = await samePartyByName();          // at the screening default threshold
 * sameParty(screeningAlert, targetingAlert);           // true for "Juan Pérez López" ~ "PEREZ LOPEZ, Juan"
 */
export async function samePartyByName(threshold?: number): Promise<SamePartyDecision> {
  const { DEFAULT_THRESHOLD, compareNames, prepareName } = await import('../screening/matching/index.js');
  const floor = threshold ?? DEFAULT_THRESHOLD;
  const prepared = new Map<string, ReturnType<typeof prepareName>>();
  const prepare = (name: string) => {
    let p = prepared.get(name);
    if (!p) {
      p = prepareName(name);
      // Bounded: a long-running server compares many alerts over time.
      if (prepared.size > 50_000) prepared.clear();
      prepared.set(name, p);
    }
    return p;
  };
  return (a: Alert, b: Alert) => {
    const left = a.parties ?? [];
    const right = b.parties ?? [];
    if (left.length === 0 || right.length === 0) return a.subject === b.subject;
    for (const x of left)
      for (const y of right) {
        if (x === y || compareNames(prepare(x), prepare(y)).score >= floor) return true;
      }
    return false;
  };
}
