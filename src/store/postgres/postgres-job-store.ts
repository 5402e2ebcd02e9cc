/**
 * Distributed jobs on PostgreSQL (tables `jobs`, `job_chunks`, `job_results`): the store a fleet of
 * workers on many machines shares. Each state change is one transaction that locks its chunk row
 * (SELECT … FOR UPDATE), so two workers completing the same redelivered chunk run one after the
 * other: the first stores its rows, the second finds the chunk done and writes nothing — a row is
 * never stored twice, nor a mix of two runs.
 */
import { sql } from 'kysely';
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
import type { PostgresDatabase } from './postgres-database.js';
import { assertJobCounts, jobOf } from '../job-row.js';
import { jobStatusOf } from '../job-status-tally.js';

/** Results per INSERT: 3 columns a row. */
const batchSize = 5000;

/**
 * @example
 * const jobs = new PostgresJobStore(await openPostgres(url));
 * console.log(await jobs.status('job-1'));
 */
export class PostgresJobStore implements JobStore {
  constructor(private readonly db: PostgresDatabase) {}

  async create(job: NewJob): Promise<void> {
    assertJobCounts(job);
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('jobs')
        .values({
          id: job.id,
          kind: job.kind,
          created_at: job.createdAt,
          input: job.input,
          rows: job.rows,
          chunks: job.chunks,
          pins: JSON.stringify(job.pins),
          options: JSON.stringify(job.options),
          cancelled_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new InputError(`a job with id ${job.id} already exists`, { field: 'id' });
      if (job.chunks > 0)
        await sql`INSERT INTO job_chunks (job_id, chunk, state)
          SELECT ${job.id}, n, 'pending' FROM generate_series(0, ${job.chunks - 1}::int) AS n`.execute(trx);
    });
  }

  async get(id: string): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? jobOf(row) : undefined;
  }

  async list(options: { limit?: number } = {}): Promise<Job[]> {
    const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 50)));
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(jobOf);
  }

  async beginChunk(jobId: string, chunk: number, delivery: number, at: string): Promise<ChunkStart> {
    return this.db.transaction().execute(async (trx): Promise<ChunkStart> => {
      const job = await trx
        .selectFrom('jobs')
        .select('cancelled_at')
        .where('id', '=', jobId)
        .executeTakeFirst();
      const row = await trx
        .selectFrom('job_chunks')
        .select('state')
        .where('job_id', '=', jobId)
        .where('chunk', '=', chunk)
        .forUpdate()
        .executeTakeFirst();
      if (!job || !row) return 'unknown-job';
      // Deliveries only grow: a late, lower count from a slow worker does not undo a newer one.
      await trx
        .updateTable('job_chunks')
        .set((eb) => ({
          deliveries: eb.fn('greatest', [eb.ref('deliveries'), eb.val(delivery)]),
          updated_at: at,
        }))
        .where('job_id', '=', jobId)
        .where('chunk', '=', chunk)
        .execute();
      if (row.state === 'done') return 'already-done';
      if (row.state === 'dead') return 'dead';
      if (job.cancelled_at !== null) return 'cancelled';
      return 'run';
    });
  }

  async completeChunk(c: JobChunkCompletion): Promise<boolean> {
    return this.db.transaction().execute(async (trx): Promise<boolean> => {
      const row = await trx
        .selectFrom('job_chunks')
        .select('state')
        .where('job_id', '=', c.jobId)
        .where('chunk', '=', c.chunk)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw new InputError(`job ${c.jobId} has no chunk ${c.chunk}`, { field: 'chunk' });
      if (row.state === 'done') return false;
      for (let start = 0; start < c.results.length; start += batchSize) {
        const values = c.results
          .slice(start, start + batchSize)
          .map((r) => ({ job_id: c.jobId, row: r.row, value: r.value }));
        await trx
          .insertInto('job_results')
          .values(values)
          .onConflict((oc) => oc.columns(['job_id', 'row']).doNothing())
          .execute();
      }
      // A chunk dead-lettered meanwhile that a slow worker still finished is revived: its rows
      // are all here, which beats reporting them missing.
      await trx
        .updateTable('job_chunks')
        .set({
          state: 'done',
          rows: c.results.length,
          counts: JSON.stringify(c.counts),
          reason: null,
          updated_at: c.at,
        })
        .where('job_id', '=', c.jobId)
        .where('chunk', '=', c.chunk)
        .execute();
      return true;
    });
  }

  async deadChunk(
    jobId: string,
    chunk: number,
    reason: string,
    deliveries: number,
    at: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('job_chunks')
      .set((eb) => ({
        state: 'dead',
        reason,
        deliveries: eb.fn('greatest', [eb.ref('deliveries'), eb.val(deliveries)]),
        updated_at: at,
      }))
      .where('job_id', '=', jobId)
      .where('chunk', '=', chunk)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async cancel(jobId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ cancelled_at: at })
      .where('id', '=', jobId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async status(jobId: string): Promise<JobStatus | undefined> {
    // One snapshot for the job and its chunks, so the tally is of one moment.
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx): Promise<JobStatus | undefined> => {
        const jobRow = await trx.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
        if (!jobRow) return undefined;
        const job = jobOf(jobRow);
        const chunks = await trx
          .selectFrom('job_chunks')
          .select(['chunk', 'state', 'deliveries', 'rows', 'counts', 'reason', 'updated_at'])
          .where('job_id', '=', jobId)
          .orderBy('chunk')
          .execute();
        return jobStatusOf(job, chunks);
      });
  }

  async results(jobId: string, page: { afterRow?: number; limit?: number } = {}): Promise<JobRowResult[]> {
    const limit = Math.min(100_000, Math.max(1, Math.floor(page.limit ?? 1000)));
    return this.db
      .selectFrom('job_results')
      .select(['row', 'value'])
      .where('job_id', '=', jobId)
      .where('row', '>', page.afterRow ?? -1)
      .orderBy('row')
      .limit(limit)
      .execute();
  }
}
