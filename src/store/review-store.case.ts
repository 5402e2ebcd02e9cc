/**
 * The conformance suite every ReviewStore implementation must pass: decisions round-trip whole,
 * newest first, a repeated decision replaces the first, and the revision mark moves on each record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewReview, ReviewStore, Stores } from '../core/index.js';
import type { StoreImplementation } from './store-implementations.js';

const base: NewReview = {
  queryKey: 'q1',
  queryName: 'Juan Perez',
  list: 'in-house',
  entityId: 'E1',
  entityHash: 'h1',
  analyst: 'ana',
  reason: 'different birth date',
};

/**
 * @example
 * for (const impl of storeImplementations()) runReviewStoreConformance(impl);
 */
export function runReviewStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} ReviewStore (conformance)`, () => {
    let stores: Stores | undefined;
    const open = async (): Promise<ReviewStore> => {
      stores = await implementation.open();
      return stores.reviews;
    };
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('starts empty', async () => {
      const s = await open();
      expect(await s.reviews()).toEqual([]);
      expect(await s.reviews({ queryKey: 'q1' })).toEqual([]);
    });

    it('records decisions and reads them back newest first, or for one query', async () => {
      const s = await open();
      const first = await s.record({ ...base, reviewedAt: '2026-01-01T00:00:00.000Z' });
      expect(first).toEqual({ ...base, reviewedAt: '2026-01-01T00:00:00.000Z' });
      await s.record({ ...base, queryKey: 'q2', entityId: 'E2', reviewedAt: '2026-01-02T00:00:00.000Z' });
      expect((await s.reviews()).map((r) => r.entityId)).toEqual(['E2', 'E1']);
      expect(await s.reviews({ queryKey: 'q1' })).toEqual([first]);
    });

    it('stamps the time of a decision recorded without one', async () => {
      const s = await open();
      const before = new Date().toISOString();
      const stored = await s.record(base);
      expect(stored.reviewedAt >= before).toBe(true);
      expect((await s.reviews())[0]?.reviewedAt).toBe(stored.reviewedAt);
    });

    it('replaces a repeated decision on the same query, entity and content', async () => {
      const s = await open();
      await s.record(base);
      await s.record({ ...base, reason: 'confirmed again' });
      await s.record({ ...base, entityHash: 'h2' });
      const reviews = await s.reviews({ queryKey: 'q1' });
      expect(reviews).toHaveLength(2);
      expect(reviews.find((r) => r.entityHash === 'h1')?.reason).toBe('confirmed again');
    });

    it('moves its revision mark whenever a decision is recorded', async () => {
      const s = await open();
      const empty = await s.revision();
      expect(await s.revision()).toBe(empty);
      await s.record({ ...base, reviewedAt: '2026-01-01T00:00:00.000Z' });
      const one = await s.revision();
      expect(one).not.toBe(empty);
      await s.record({ ...base, reviewedAt: '2026-01-03T00:00:00.000Z', reason: 'again' });
      expect(await s.revision()).not.toBe(one);
    });
  });
}
