/**
 * Reviewed false positives on PostgreSQL. Every recorded decision (new or repeated) takes the next
 * number of a sequence, so `revision()` changes for every process whenever anyone records one.
 */
import { sql } from 'kysely';
import type { NewReview, ReviewStore, ReviewedFalsePositive } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type ReviewRow = Omit<PostgresSchema['reviewed_false_positives'], 'recorded_seq'>;

function fromRow(row: ReviewRow): ReviewedFalsePositive {
  return {
    queryKey: row.query_key,
    queryName: row.query_name,
    list: row.list,
    entityId: row.entity_id,
    entityHash: row.entity_hash,
    analyst: row.analyst,
    reason: row.reason,
    reviewedAt: row.reviewed_at,
  };
}

const columns = [
  'query_key',
  'query_name',
  'list',
  'entity_id',
  'entity_hash',
  'analyst',
  'reason',
  'reviewed_at',
] as const;

/**
 * @example
 * const reviews = new PostgresReviewStore(await openPostgres(url));
 * await reviews.record({ queryKey, queryName: 'Joaquin Guzman', list: 'us-ofac-sdn', entityId: '12345',
 *   entityHash, analyst: 'ana', reason: 'different date of birth' });
 */
export class PostgresReviewStore implements ReviewStore {
  constructor(private readonly db: PostgresDatabase) {}

  async record(review: NewReview): Promise<ReviewedFalsePositive> {
    const stored: ReviewedFalsePositive = {
      ...review,
      reviewedAt: review.reviewedAt ?? new Date().toISOString(),
    };
    await this.db
      .insertInto('reviewed_false_positives')
      .values({
        query_key: stored.queryKey,
        query_name: stored.queryName,
        list: stored.list,
        entity_id: stored.entityId,
        entity_hash: stored.entityHash,
        analyst: stored.analyst,
        reason: stored.reason,
        reviewed_at: stored.reviewedAt,
      })
      .onConflict((oc) =>
        oc.columns(['query_key', 'list', 'entity_id', 'entity_hash']).doUpdateSet((eb) => ({
          query_name: eb.ref('excluded.query_name'),
          analyst: eb.ref('excluded.analyst'),
          reason: eb.ref('excluded.reason'),
          reviewed_at: eb.ref('excluded.reviewed_at'),
          recorded_seq: eb.ref('excluded.recorded_seq'),
        })),
      )
      .execute();
    return stored;
  }

  async reviews(filter: { queryKey?: string } = {}): Promise<ReviewedFalsePositive[]> {
    let query = this.db
      .selectFrom('reviewed_false_positives')
      .select(columns)
      .orderBy('reviewed_at', 'desc')
      .orderBy('recorded_seq', 'desc');
    if (filter.queryKey !== undefined) query = query.where('query_key', '=', filter.queryKey);
    return (await query.execute()).map(fromRow);
  }

  async revision(): Promise<string> {
    const { rows } = await sql<{ n: string; last: string }>`
      SELECT count(*)::text AS n, coalesce(max(recorded_seq), 0)::text AS last FROM reviewed_false_positives`.execute(
      this.db,
    );
    const row = rows[0]!;
    return `${row.n}:${row.last}`;
  }
}
