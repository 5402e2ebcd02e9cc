/**
 * Bringing alerts about one party together. Whether two alerts concern the same party is decided by
 * a function handed in (the services layer passes the screening matcher), so this stays pure and
 * the rule can be as strict as the installation needs.
 */
import type { Alert } from '../core/alert.js';

/** Decides whether two alerts are about the same party. Should be symmetric. */
export type SamePartyDecision = (a: Alert, b: Alert) => boolean;

/**
 * Groups alerts into parties: alerts linked directly or through a chain of same-party decisions land
 * in one group (union–find), so a case created from them holds every engine's view of the party.
 * Groups and the alerts in them keep their input order.
 *
 * @example
 * groupAlertsByParty([hitA, crossingA, hitB], (a, b) => partyName(a) === partyName(b)); // [[hitA, crossingA], [hitB]]
 */
export function groupAlertsByParty(alerts: readonly Alert[], sameParty: SamePartyDecision): Alert[][] {
  const parent = alerts.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let i = 0; i < alerts.length; i++) {
    for (let j = i + 1; j < alerts.length; j++) {
      if (find(i) !== find(j) && sameParty(alerts[i]!, alerts[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Alert[]>();
  alerts.forEach((alert, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(alert);
    groups.set(root, group);
  });
  return [...groups.values()];
}

/**
 * The candidates that concern the same party as any of a case's alerts (and are not already in it).
 *
 * @example
 * relatedAlerts(caseAlerts, unassignedAlerts, sameParty).map((a) => a.id);
 */
export function relatedAlerts(
  caseAlerts: readonly Alert[],
  candidates: readonly Alert[],
  sameParty: SamePartyDecision,
): Alert[] {
  const inCase = new Set(caseAlerts.map((a) => a.id));
  return candidates.filter((c) => !inCase.has(c.id) && caseAlerts.some((a) => sameParty(a, c)));
}
