/**
 * Reviewed false positives: an analyst's recorded decision that a screened party is not a listed
 * entity. Screening honours the decision for as long as the entity's listed content is unchanged,
 * so a new list version that changes the entity brings the match back for a fresh look.
 */

export interface ReviewedFalsePositive {
  /** Hash of the query's normalised name and qualifiers (see `reviewQueryKey` in screening). */
  queryKey: string;
  /** The name as the analyst saw it, for people reading the review log. */
  queryName: string;
  list: string;
  entityId: string;
  /** Hash of the entity's content when reviewed; a different hash means the listing changed. */
  entityHash: string;
  analyst: string;
  reason: string;
  /** ISO timestamp. */
  reviewedAt: string;
}

export type NewReview = Omit<ReviewedFalsePositive, 'reviewedAt'> & { reviewedAt?: string };

/**
 * Storage of reviewed false positives. Implementations: `store/sqlite/sqlite-review-store.ts`.
 *
 * @example
 * await stores.reviews.record({ queryKey, queryName: 'Joaquin Guzman', list: 'us-ofac-sdn',
 *   entityId: '6861', entityHash, analyst: 'ana', reason: 'different date of birth' });
 */
export interface ReviewStore {
  /** Stores a decision; a second decision on the same query, entity and content replaces the first. */
  record(review: NewReview): Promise<ReviewedFalsePositive>;
  /** All decisions, optionally only for one query key; newest first. */
  reviews(filter?: { queryKey?: string }): Promise<ReviewedFalsePositive[]>;
  /**
   * An opaque mark that changes whenever a decision is recorded (by any process), so a
   * long-running server can tell cheaply that its screener's reviews are stale.
   */
  revision(): Promise<string>;
}
