/**
 * Applies reviewed false positives to screening results: a match an analyst has cleared is dropped
 * while the entity's content is unchanged, and flagged (not dropped) once the entity has changed.
 */
import type { Entity, FeatureContribution, PartyQuery, ReviewedFalsePositive } from '../core/index.js';
import { entityContentHash, reviewQueryKey } from './screener-review-keys.js';

export type ReviewVerdict =
  | { action: 'keep' }
  | { action: 'drop' }
  | { action: 'flag'; note: FeatureContribution };

export class ReviewFilter {
  private readonly byQuery = new Map<string, ReviewedFalsePositive[]>();
  private readonly hashes = new WeakMap<Entity, string>();

  constructor(reviews: readonly ReviewedFalsePositive[]) {
    for (const review of reviews) {
      const list = this.byQuery.get(review.queryKey);
      if (list) list.push(review);
      else this.byQuery.set(review.queryKey, [review]);
    }
  }

  get size(): number {
    return this.byQuery.size;
  }

  /** The reviews recorded for this query, or undefined (the common, cheap case). */
  reviewsFor(query: PartyQuery): ReviewedFalsePositive[] | undefined {
    if (this.byQuery.size === 0) return undefined;
    return this.byQuery.get(reviewQueryKey(query));
  }

  verdict(reviews: ReviewedFalsePositive[], list: string, entity: Entity): ReviewVerdict {
    const relevant = reviews.filter((r) => r.list === list && r.entityId === entity.id);
    if (relevant.length === 0) return { action: 'keep' };
    const hash = this.hashOf(entity);
    if (relevant.some((r) => r.entityHash === hash)) return { action: 'drop' };
    const latest = relevant[0]!;
    return {
      action: 'flag',
      note: {
        feature: 'review',
        value: 0,
        weight: 0,
        detail: `cleared as a false positive by ${latest.analyst} on ${latest.reviewedAt.slice(0, 10)} ("${latest.reason}"), but the listing has changed since`,
      },
    };
  }

  private hashOf(entity: Entity): string {
    let hash = this.hashes.get(entity);
    if (!hash) {
      hash = entityContentHash(entity);
      this.hashes.set(entity, hash);
    }
    return hash;
  }
}
