/**
 * Jobs of the distributed tier: a batch (a file of names to screen, of orders, of declarations)
 * split into chunks that workers on many machines run through the work queue. The store is the
 * job's memory that outlives any worker: which list and catalog versions the job was submitted
 * with (so every worker screens against the same data), each chunk's state, and one result per
 * input row keyed by (job, row) — written idempotently, so a chunk run twice (a worker killed after
 * writing but before acking) still leaves every row exactly once. Chunks given up on are kept with
 * their reason, so a job reports missing rows instead of dropping them silently.
 */

/** What a job runs; each kind has one chunk runner in `src/services/`. */
export type JobKind = 'screen' | 'goods-screen' | 'targeting-score';

/** The data a job was submitted against; workers load exactly these, never "the newest". */
export interface JobPins {
  /** List version ids (`ListVersion.id`) screening runs against. */
  listVersionIds?: number[];
  /** Goods catalog version id (`GoodsCatalogVersion.id`). */
  catalogVersionId?: number;
  /** Reviewed-false-positive revision at submission (informational: reviews only suppress matches). */
  reviewsRevision?: string;
}

export interface NewJob {
  /** Letters, digits, `_` and `-` (it names a queue subject). */
  id: string;
  kind: JobKind;
  createdAt: string;
  /** The input file as the submitter named it (shown in status; workers never read it). */
  input: string;
  /** Input rows (data lines), so progress and "every row exactly once" can be checked. */
  rows: number;
  /** Number of chunks, numbered 0 … chunks-1. */
  chunks: number;
  pins: JobPins;
  /** The run's options (threshold, limit, …) as the chunk runner of `kind` reads them. */
  options: Record<string, unknown>;
}

export interface Job extends NewJob {
  /** Set once the job was cancelled: workers skip its remaining chunks. */
  cancelledAt?: string;
}

/** One input row's result: `row` is its 0-based position in the input, `value` its output line. */
export interface JobRowResult {
  row: number;
  value: string;
}

export interface JobChunkCompletion {
  jobId: string;
  chunk: number;
  /** One result per row of the chunk. */
  results: readonly JobRowResult[];
  /** What the chunk counted (screened, rejected, alerts, …); summed over the job in its status. */
  counts: Readonly<Record<string, number>>;
  at: string;
}

/** A chunk given up on, with why. */
export interface DeadJobChunk {
  chunk: number;
  reason: string;
  deliveries: number;
  at: string;
}

/**
 * `running` until every chunk is done or dead; then `done` (all rows have a result) or `failed`
 * (some chunks are dead: their rows have none). `cancelled` wins over both.
 */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  job: Job;
  state: JobState;
  chunks: { total: number; pending: number; done: number; dead: number };
  /** Rows of done chunks (each has its result). */
  rowsDone: number;
  /** Deliveries of all chunks, and how many of them were second or later deliveries. */
  deliveries: number;
  redeliveries: number;
  /** The done chunks' counts, summed per key. */
  counts: Record<string, number>;
  /** Dead chunks, lowest chunk first. */
  dead: DeadJobChunk[];
  /** When the last chunk was settled (done or dead), once the job is no longer running. */
  finishedAt?: string;
}

/** What a worker should do with a delivery it just received. */
export type ChunkStart = 'run' | 'already-done' | 'dead' | 'cancelled' | 'unknown-job';

/**
 * @example
 * await stores.jobs.create({ id, kind: 'screen', createdAt, input, rows, chunks, pins, options });
 * if ((await stores.jobs.beginChunk(id, 3, delivery.deliveryCount, at)) === 'run') {
 *   await stores.jobs.completeChunk({ jobId: id, chunk: 3, results, counts, at });
 * }
 * await delivery.ack();
 */
export interface JobStore {
  /** Stores the job and its chunks (all pending). Throws when a job with that id exists. */
  create(job: NewJob): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  /** Newest first (createdAt, then id); default 50. */
  list(options?: { limit?: number }): Promise<Job[]>;
  /**
   * Records that delivery number `delivery` of a chunk reached a worker, and says whether to run
   * it: a chunk already done (its results are stored) or dead, or of a cancelled job, is not run
   * again — the worker acknowledges it without work.
   */
  beginChunk(jobId: string, chunk: number, delivery: number, at: string): Promise<ChunkStart>;
  /**
   * Stores a chunk's results and marks it done, all or nothing. Idempotent: when the chunk is
   * already done, nothing is written and it returns false (results of a (job, row) are never
   * written twice); true when this call completed it.
   */
  completeChunk(completion: JobChunkCompletion): Promise<boolean>;
  /** Marks a pending chunk dead with its reason; false (nothing changed) when it is done or dead. */
  deadChunk(jobId: string, chunk: number, reason: string, deliveries: number, at: string): Promise<boolean>;
  /** Cancels a job; false when there is no such job or it was already cancelled. */
  cancel(jobId: string, at: string): Promise<boolean>;
  status(jobId: string): Promise<JobStatus | undefined>;
  /** Stored results in input order, rows after `afterRow` (default: from the start), `limit` (default 1,000) at a time. */
  results(jobId: string, page?: { afterRow?: number; limit?: number }): Promise<JobRowResult[]>;
}
