/**
 * Reviewed false positives: an analyst records that a screened party is not a listed entity (held
 * against the entity's current content, so a changed listing comes back for review), and anyone
 * can read the decisions.
 */
import type { PartyQuery, ReviewedFalsePositive, Stores } from '../core/index.js';
import { recordAudit } from './audit-record.js';
import { ServiceError } from './service-error.js';

export interface ReviewDecision {
  /** The party as it was screened (name and qualifiers: they make the decision's key). */
  query: PartyQuery;
  list: string;
  entityId: string;
  analyst: string;
  reason: string;
}

/**
 * Records the decision against the newest version of the entity's list. Throws `not-found` when
 * the list or the entity is not in the store.
 *
 * @example
 * await recordReview(stores, { query, list: 'us-ofac-sdn', entityId: '6861', analyst: 'ana', reason: 'born 1990' });
 */
export async function recordReview(stores: Stores, decision: ReviewDecision): Promise<ReviewedFalsePositive> {
  const { list, entityId } = decision;
  const version = await stores.lists.latestVersion(list);
  if (!version)
    throw new ServiceError('not-found', `no list named ${list} in ${stores.location}`, { field: 'list' });
  const entity = await stores.lists.entity(version.id, entityId);
  if (!entity)
    throw new ServiceError('not-found', `no entity ${entityId} in ${list} version ${version.id}`, {
      field: 'entity',
    });
  const { entityContentHash, reviewQueryKey } = await import('../screening/index.js');
  const review = await stores.reviews.record({
    queryKey: reviewQueryKey(decision.query),
    queryName: decision.query.name,
    list,
    entityId,
    entityHash: entityContentHash(entity),
    analyst: decision.analyst,
    reason: decision.reason,
  });
  await recordAudit(stores, {
    actor: decision.analyst,
    action: 'review.record',
    target: `review:${list}:${entityId}`,
    before: null,
    after: review,
  });
  return review;
}

/** Every decision, newest first. */
export async function listReviews(stores: Stores): Promise<ReviewedFalsePositive[]> {
  return stores.reviews.reviews();
}
