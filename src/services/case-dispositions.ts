/**
 * Deciding cases: a disposition with its reason (false positive and not relevant close the case; a
 * true match waits for a second person with the supervisor role — four-eyes, never the proposer),
 * a supervisor's approval or return, and reopening. A false positive on screening alerts also
 * records the reviewed-false-positive exception, so later screenings of that party against that
 * listed entity stay quiet until the entity's listing changes.
 */
import type { Action } from '../auth/index.js';
import {
  approveCase as approveRule,
  type CaseActor,
  disposeCase as disposeRule,
  reopenCase as reopenRule,
  returnCase as returnRule,
} from '../cases/index.js';
import {
  type AlertRecord,
  type Case,
  type DispositionKind,
  dispositionKinds,
  type PartyQuery,
  PartyQuerySchema,
  type Stores,
} from '../core/index.js';
import { applyRule, type CaseStores, loadCase, saveCase } from './cases.js';
import { recordAudit } from './audit-record.js';
import { auditActor, authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';

export type DispositionStores = CaseStores & Pick<Stores, 'reviews' | 'lists'>;

export interface DispositionResult {
  case: Case;
  /** Screening alerts whose false positive is now a reviewed exception. */
  reviewsRecorded: string[];
  /** Screening alerts for which no exception could be recorded, and why (nothing is dropped silently). */
  reviewsNotRecorded: { alertId: string; reason: string }[];
}

/**
 * @example
 * await disposeCase(stores, ana, c.id, { kind: 'false-positive', reason: 'born 1990, listed person 1957' });
 * await disposeCase(stores, ana, c.id, { kind: 'true-match', reason: 'same passport' }); // awaits a supervisor
 */
export async function disposeCase(
  stores: DispositionStores,
  actor: Principal,
  id: string,
  input: { kind: string; reason: string; expectedVersion?: number },
): Promise<DispositionResult> {
  authorize(actor, 'cases.disposition');
  if (!(dispositionKinds as readonly string[]).includes(input.kind))
    throw new ServiceError('invalid', `disposition: expected one of ${dispositionKinds.join(', ')}`, {
      field: 'kind',
    });
  const kind = input.kind as DispositionKind;
  const before = await loadCase(stores, id, input.expectedVersion);
  const after = applyRule(() =>
    disposeRule(before, kind, input.reason, { name: actor.name, role: actor.role }, new Date().toISOString()),
  );
  const closing = after.status === 'closed';
  await saveCase(
    stores,
    actor,
    'case.disposition',
    before,
    after,
    closing ? { status: 'closed', disposition: kind } : { status: after.status },
  );
  const result: DispositionResult = { case: after, reviewsRecorded: [], reviewsNotRecorded: [] };
  if (kind === 'false-positive') await recordScreeningExceptions(stores, actor, after, input.reason, result);
  return result;
}

/** The four-eyes approval of a proposed true match, by a supervisor who did not propose it. */
export async function approveCase(
  stores: CaseStores,
  actor: Principal,
  id: string,
  expectedVersion?: number,
): Promise<Case> {
  authorize(actor, 'cases.approve');
  const before = await loadCase(stores, id, expectedVersion);
  const after = applyRule(() =>
    approveRule(before, { name: actor.name, role: actor.role }, new Date().toISOString()),
  );
  return saveCase(stores, actor, 'case.approve', before, after, {
    status: 'closed',
    disposition: 'true-match',
  });
}

/** A supervisor sends a proposed true match back for more work. */
export function returnCase(
  stores: CaseStores,
  actor: Principal,
  id: string,
  reason: string,
  expectedVersion?: number,
): Promise<Case> {
  return undoDecision(stores, actor, id, reason, expectedVersion, 'cases.approve', 'case.return', returnRule);
}

/** A supervisor reopens a closed case; the earlier decision stays in the audit trail. */
export function reopenCase(
  stores: CaseStores,
  actor: Principal,
  id: string,
  reason: string,
  expectedVersion?: number,
): Promise<Case> {
  return undoDecision(stores, actor, id, reason, expectedVersion, 'cases.reopen', 'case.reopen', reopenRule);
}

/** Return and reopen: a supervisor sets a decision aside with a reason, recorded beside the change. */
async function undoDecision(
  stores: CaseStores,
  actor: Principal,
  id: string,
  reason: string,
  expectedVersion: number | undefined,
  permission: Action,
  action: string,
  rule: (c: Case, supervisor: CaseActor, reason: string, at: string) => Case,
): Promise<Case> {
  authorize(actor, permission);
  const before = await loadCase(stores, id, expectedVersion);
  const after = applyRule(() =>
    rule(before, { name: actor.name, role: actor.role }, reason, new Date().toISOString()),
  );
  await saveCase(stores, actor, action, before, after, { status: after.status, disposition: null });
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: `${action}-reason`,
    target: `case:${id}`,
    before: null,
    after: { reason: reason.trim() },
  });
  return after;
}

/** The screened party and the listed entity a screening alert is about, as its evidence records them. */
function screeningFacts(
  alert: AlertRecord,
): { query: PartyQuery; list: string; entityId: string; listVersion?: string } | string {
  const data = alert.evidence.data as {
    query?: unknown;
    entity?: { list?: unknown; id?: unknown; listVersion?: unknown };
  };
  const query = PartyQuerySchema.safeParse(data.query);
  if (!query.success) return 'its evidence does not hold the screened party (evidence.data.query)';
  const { list, id, listVersion } = data.entity ?? {};
  if (typeof list !== 'string' || typeof id !== 'string')
    return 'its evidence does not name the listed entity (evidence.data.entity.list and .id)';
  return {
    query: query.data,
    list,
    entityId: id,
    ...(typeof listVersion === 'string' ? { listVersion } : {}),
  };
}

async function recordScreeningExceptions(
  stores: DispositionStores,
  actor: Principal,
  c: Case,
  reason: string,
  result: DispositionResult,
): Promise<void> {
  const { entityContentHash, reviewQueryKey } = await import('../screening/index.js');
  for (const alertId of c.alertIds) {
    const alert = await stores.alerts.get(alertId);
    if (alert?.kind !== 'screening') continue;
    const facts = screeningFacts(alert);
    if (typeof facts === 'string') {
      result.reviewsNotRecorded.push({ alertId, reason: facts });
      continue;
    }
    // The entity as the analyst saw it (the alert's list version), else the newest listing.
    const seen =
      facts.listVersion !== undefined ? await stores.lists.version(Number(facts.listVersion)) : undefined;
    const version = seen?.list === facts.list ? seen : await stores.lists.latestVersion(facts.list);
    const entity = version ? await stores.lists.entity(version.id, facts.entityId) : undefined;
    if (!entity) {
      result.reviewsNotRecorded.push({
        alertId,
        reason: `${facts.list}:${facts.entityId} is no longer in the store`,
      });
      continue;
    }
    const review = await stores.reviews.record({
      queryKey: reviewQueryKey(facts.query),
      queryName: facts.query.name,
      list: facts.list,
      entityId: facts.entityId,
      entityHash: entityContentHash(entity),
      analyst: actor.name,
      reason: `case ${c.id}: ${reason.trim()}`,
    });
    await recordAudit(stores, {
      actor: auditActor(actor),
      action: 'review.record',
      target: `review:${facts.list}:${facts.entityId}`,
      before: null,
      after: { ...review, caseId: c.id, alertId },
    });
    result.reviewsRecorded.push(alertId);
  }
}
