/**
 * A `jobs` row as both stores keep it (pins and options as JSON text), with the mapping to the core
 * `Job` and the check every store makes before creating one: the backends differ in SQL, not in
 * what a job row means.
 */
import type { Job, NewJob } from '../core/job-store.js';
import { InputError } from '../core/input-error.js';

/** One `jobs` row as both stores select it. */
export interface JobRow {
  id: string;
  kind: string;
  created_at: string;
  input: string;
  rows: number;
  chunks: number;
  pins: string;
  options: string;
  cancelled_at: string | null;
}

/**
 * @example
 * return row ? jobOf(row) : undefined;
 */
export function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind as Job['kind'],
    createdAt: row.created_at,
    input: row.input,
    rows: row.rows,
    chunks: row.chunks,
    pins: JSON.parse(row.pins) as Job['pins'],
    options: JSON.parse(row.options) as Job['options'],
    ...(row.cancelled_at !== null && { cancelledAt: row.cancelled_at }),
  };
}

/** Refuses a job whose row or chunk count is not a whole number ≥ 0, before anything is stored. */
export function assertJobCounts(job: NewJob): void {
  if (!Number.isInteger(job.chunks) || job.chunks < 0 || !Number.isInteger(job.rows) || job.rows < 0)
    throw new InputError(`job ${job.id}: rows and chunks must be whole numbers ≥ 0`, { field: 'chunks' });
}
