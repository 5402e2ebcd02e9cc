/** Reviewed false positives in the embedded SQLite file (table `reviewed_false_positives`). */
import type { NewReview, ReviewStore, ReviewedFalsePositive } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface ReviewRow {
  query_key: string;
  query_name: string;
  list: string;
  entity_id: string;
  entity_hash: string;
  analyst: string;
  reason: string;
  reviewed_at: string;
}

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

/**
 * @example
 * const reviews = new SqliteReviewStore(openSqlite('sentinela.sqlite'));
 * reviews.record({ queryKey, queryName: 'Joaquin Guzman', list: 'us-ofac-sdn', entityId: '12345',
 *   entityHash, analyst: 'ana', reason: 'different date of birth' });
 */
export class SqliteReviewStore implements ReviewStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS reviewed_false_positives (
      query_key TEXT NOT NULL,
      query_name TEXT NOT NULL,
      list TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      entity_hash TEXT NOT NULL,
      analyst TEXT NOT NULL,
      reason TEXT NOT NULL,
      reviewed_at TEXT NOT NULL,
      PRIMARY KEY (query_key, list, entity_id, entity_hash)
    )`);
  }

  record(review: NewReview): ReviewedFalsePositive {
    const stored: ReviewedFalsePositive = {
      ...review,
      reviewedAt: review.reviewedAt ?? new Date().toISOString(),
    };
    this.db
      .prepare(
        `INSERT OR REPLACE INTO reviewed_false_positives
         (query_key, query_name, list, entity_id, entity_hash, analyst, reason, reviewed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        stored.queryKey,
        stored.queryName,
        stored.list,
        stored.entityId,
        stored.entityHash,
        stored.analyst,
        stored.reason,
        stored.reviewedAt,
      );
    return stored;
  }

  reviews(filter: { queryKey?: string } = {}): ReviewedFalsePositive[] {
    const rows = (
      filter.queryKey === undefined
        ? this.db.prepare('SELECT * FROM reviewed_false_positives ORDER BY reviewed_at DESC').all()
        : this.db
            .prepare('SELECT * FROM reviewed_false_positives WHERE query_key = ? ORDER BY reviewed_at DESC')
            .all(filter.queryKey)
    ) as ReviewRow[];
    return rows.map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}
