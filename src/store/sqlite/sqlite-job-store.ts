/**
 * Distributed jobs in the SQLite file (tables `jobs`, `job_chunks`, `job_results`). Several worker
 * processes on one machine share the file (WAL, busy timeout); every state change is one
 * transaction, and results go in with INSERT OR IGNORE under the (job, row) key, so a chunk run
 * twice can never leave a row twice. A fleet across machines uses the PostgreSQL implementation.
 */
import type {
  ChunkStart,
  Job,
  JobChunkCompletion,
  JobRowResult,
  JobStatus,
  JobStore,
  NewJob,
} from '../../core/index.js';
import { InputError } from '../../core/input-error.js';
import type { SqliteDatabase } from './sqlite-database.js';
import { assertJobCounts, type JobRow, jobOf } from '../job-row.js';
import { type JobChunkRow, jobStatusOf } from '../job-status-tally.js';

/**
 * @example
 * const jobs = new SqliteJobStore(openSqlite('sentinela.sqlite'));
 * console.log(await jobs.status('job-1'));
 */
export class SqliteJobStore implements JobStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      created_at TEXT NOT NULL,
      input TEXT NOT NULL,
      rows INTEGER NOT NULL,
      chunks INTEGER NOT NULL,
      pins TEXT NOT NULL,
      options TEXT NOT NULL,
      cancelled_at TEXT
    );
    CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at DESC, id DESC);
    CREATE TABLE IF NOT EXISTS job_chunks (
      job_id TEXT NOT NULL REFERENCES jobs (id),
      chunk INTEGER NOT NULL,
      state TEXT NOT NULL,
      deliveries INTEGER NOT NULL DEFAULT 0,
      rows INTEGER NOT NULL DEFAULT 0,
      counts TEXT,
      reason TEXT,
      updated_at TEXT,
      PRIMARY KEY (job_id, chunk)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS job_results (
      job_id TEXT NOT NULL REFERENCES jobs (id),
      row INTEGER NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (job_id, row)
    ) WITHOUT ROWID;`);
  }

  async create(job: NewJob): Promise<void> {
    assertJobCounts(job);
    const insertChunk = this.db.prepare(
      "INSERT INTO job_chunks (job_id, chunk, state) VALUES (?, ?, 'pending')",
    );
    this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(job.id);
      if (exists) throw new InputError(`a job with id ${job.id} already exists`, { field: 'id' });
      this.db
        .prepare(
          `INSERT INTO jobs (id, kind, created_at, input, rows, chunks, pins, options)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.id,
          job.kind,
          job.createdAt,
          job.input,
          job.rows,
          job.chunks,
          JSON.stringify(job.pins),
          JSON.stringify(job.options),
        );
      for (let chunk = 0; chunk < job.chunks; chunk++) insertChunk.run(job.id, chunk);
    })();
  }

  async get(id: string): Promise<Job | undefined> {
    const row = this.db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
    return row ? jobOf(row) : undefined;
  }

  async list(options: { limit?: number } = {}): Promise<Job[]> {
    const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 50)));
    return this.db
      .prepare<[number], JobRow>('SELECT * FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?')
      .all(limit)
      .map(jobOf);
  }

  async beginChunk(jobId: string, chunk: number, delivery: number, at: string): Promise<ChunkStart> {
    return this.db.transaction((): ChunkStart => {
      const job = this.db
        .prepare<[string], { cancelled_at: string | null }>('SELECT cancelled_at FROM jobs WHERE id = ?')
        .get(jobId);
      const row = this.db
        .prepare<[string, number], { state: string }>(
          'SELECT state FROM job_chunks WHERE job_id = ? AND chunk = ?',
        )
        .get(jobId, chunk);
      if (!job || !row) return 'unknown-job';
      // Deliveries only grow: a late, lower count from a slow worker does not undo a newer one.
      this.db
        .prepare(
          `UPDATE job_chunks SET deliveries = MAX(deliveries, ?), updated_at = ?
           WHERE job_id = ? AND chunk = ?`,
        )
        .run(delivery, at, jobId, chunk);
      if (row.state === 'done') return 'already-done';
      if (row.state === 'dead') return 'dead';
      if (job.cancelled_at !== null) return 'cancelled';
      return 'run';
    })();
  }

  async completeChunk(c: JobChunkCompletion): Promise<boolean> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO job_results (job_id, row, value) VALUES (?, ?, ?)');
    return this.db.transaction((): boolean => {
      const row = this.db
        .prepare<[string, number], { state: string }>(
          'SELECT state FROM job_chunks WHERE job_id = ? AND chunk = ?',
        )
        .get(c.jobId, c.chunk);
      if (!row) throw new InputError(`job ${c.jobId} has no chunk ${c.chunk}`, { field: 'chunk' });
      if (row.state === 'done') return false;
      for (const r of c.results) insert.run(c.jobId, r.row, r.value);
      // A chunk dead-lettered meanwhile (its deliveries timed out) that a slow worker still
      // finished is revived: its rows are all here, which beats reporting them missing.
      this.db
        .prepare(
          `UPDATE job_chunks SET state = 'done', rows = ?, counts = ?, reason = NULL, updated_at = ?
           WHERE job_id = ? AND chunk = ?`,
        )
        .run(c.results.length, JSON.stringify(c.counts), c.at, c.jobId, c.chunk);
      return true;
    })();
  }

  async deadChunk(
    jobId: string,
    chunk: number,
    reason: string,
    deliveries: number,
    at: string,
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE job_chunks SET state = 'dead', reason = ?, deliveries = MAX(deliveries, ?), updated_at = ?
         WHERE job_id = ? AND chunk = ? AND state = 'pending'`,
      )
      .run(reason, deliveries, at, jobId, chunk);
    return info.changes === 1;
  }

  async cancel(jobId: string, at: string): Promise<boolean> {
    const info = this.db
      .prepare('UPDATE jobs SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL')
      .run(at, jobId);
    return info.changes === 1;
  }

  async status(jobId: string): Promise<JobStatus | undefined> {
    return this.db.transaction((): JobStatus | undefined => {
      const jobRow = this.db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?').get(jobId);
      if (!jobRow) return undefined;
      const job = jobOf(jobRow);
      const chunks = this.db
        .prepare<[string], JobChunkRow>(
          'SELECT chunk, state, deliveries, rows, counts, reason, updated_at FROM job_chunks WHERE job_id = ? ORDER BY chunk',
        )
        .all(jobId);
      return jobStatusOf(job, chunks);
    })();
  }

  async results(jobId: string, page: { afterRow?: number; limit?: number } = {}): Promise<JobRowResult[]> {
    const limit = Math.min(100_000, Math.max(1, Math.floor(page.limit ?? 1000)));
    return this.db
      .prepare<[string, number, number], JobRowResult>(
        'SELECT row, value FROM job_results WHERE job_id = ? AND row > ? ORDER BY row LIMIT ?',
      )
      .all(jobId, page.afterRow ?? -1, limit);
  }
}
