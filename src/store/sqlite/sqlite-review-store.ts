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
 * Synchronous underneath (better-sqlite3); the promises it returns are already settled.
 *
 * @example
 * const reviews = new SqliteReviewStore(openSqlite('sentinela.sqlite'));
 * await reviews.record({ queryKey, queryName: 'Joaquin Guzman', list: 'us-ofac-sdn', entityId: '12345',
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

  async record(review: NewReview): Promise<ReviewedFalsePositive> {
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

  async reviews(filter: { queryKey?: string } = {}): Promise<ReviewedFalsePositive[]> {
    const rows = (
      filter.queryKey === undefined
        ? this.db.prepare('SELECT * FROM reviewed_false_positives ORDER BY reviewed_at DESC').all()
        : this.db
            .prepare('SELECT * FROM reviewed_false_positives WHERE query_key = ? ORDER BY reviewed_at DESC')
            .all(filter.queryKey)
    ) as ReviewRow[];
    return rows.map(fromRow);
  }

  async revision(): Promise<string> {
    // A new decision adds a row; a repeated one (INSERT OR REPLACE) takes a new rowid or a later time.
    const row = this.db
      .prepare(
        `SELECT count(*) AS n, coalesce(max(rowid), 0) AS last, coalesce(max(reviewed_at), '') AS at
         FROM reviewed_false_positives`,
      )
      .get() as { n: number; last: number; at: string };
    return `${row.n}:${row.last}:${row.at}`;
  }
}
