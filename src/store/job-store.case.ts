/**
 * The conformance suite every JobStore implementation must pass: a job keeps its pinned versions,
 * results are keyed by (job, row) and written once even when a chunk is completed twice, dead
 * chunks keep their reason and fail the job, cancel stops further chunks, and two handles on the
 * same stores (two worker processes) see each other's writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStore, NewJob, Stores } from '../core/index.js';

type JobStores = Pick<Stores, 'jobs' | 'close'>;

export interface JobStoreImplementation {
  name: string;
  open(): Promise<JobStores & Partial<Pick<Stores, 'location'>>>;
  /** A second handle on the same stores, as another worker process opens them (optional). */
  openAgain?(first: Stores): Promise<Stores>;
}

const at = (s: number) => `2026-12-02T01:00:${String(s).padStart(2, '0')}.000Z`;

function newJob(id: string, over: Partial<NewJob> = {}): NewJob {
  return {
    id,
    kind: 'screen',
    createdAt: at(0),
    input: 'customers.csv',
    rows: 5,
    chunks: 3,
    pins: { listVersionIds: [3, 7], reviewsRevision: 'r12' },
    options: { threshold: 0.9, limit: 10 },
    ...over,
  };
}

const rowsOf = (from: number, to: number, tag = '') =>
  Array.from({ length: to - from }, (_, i) => ({ row: from + i, value: `{"row":${from + i}${tag}}` }));

/**
 * @example
 * for (const impl of storeImplementations()) runJobStoreConformance(impl);
 */
export function runJobStoreConformance(implementation: JobStoreImplementation): void {
  describe(`${implementation.name} JobStore (conformance)`, () => {
    const opened: JobStores[] = [];
    const open = async (): Promise<JobStore> => {
      const o = await implementation.open();
      opened.push(o);
      return o.jobs;
    };
    afterEach(async () => {
      // Second handles first: the first handle's close may delete the database.
      for (const o of opened.splice(0).reverse()) await o.close();
    });

    it('keeps a job with its pinned versions and options, and refuses a second job with the same id', async () => {
      const jobs = await open();
      await jobs.create(newJob('job-1'));
      await jobs.create(
        newJob('job-2', { createdAt: at(5), kind: 'goods-screen', pins: { catalogVersionId: 4 } }),
      );
      expect(await jobs.get('job-1')).toEqual(newJob('job-1'));
      expect(await jobs.get('nope')).toBeUndefined();
      await expect(jobs.create(newJob('job-1'))).rejects.toThrow(/job-1/);
      expect((await jobs.list()).map((j) => j.id)).toEqual(['job-2', 'job-1']);
      expect((await jobs.list({ limit: 1 })).map((j) => j.id)).toEqual(['job-2']);
      const status = await jobs.status('job-1');
      expect(status).toMatchObject({
        state: 'running',
        chunks: { total: 3, pending: 3, done: 0, dead: 0 },
        rowsDone: 0,
        deliveries: 0,
        redeliveries: 0,
        dead: [],
      });
      expect(status?.finishedAt).toBeUndefined();
      expect(await jobs.status('nope')).toBeUndefined();
    });

    it('stores results in input order, once per row, even when a chunk completes twice', async () => {
      const jobs = await open();
      await jobs.create(newJob('job-r'));
      expect(await jobs.beginChunk('job-r', 2, 1, at(1))).toBe('run');
      expect(
        await jobs.completeChunk({
          jobId: 'job-r',
          chunk: 2,
          results: rowsOf(4, 5),
          counts: { screened: 1 },
          at: at(2),
        }),
      ).toBe(true);
      expect(await jobs.beginChunk('job-r', 0, 1, at(3))).toBe('run');
      expect(
        await jobs.completeChunk({
          jobId: 'job-r',
          chunk: 0,
          results: rowsOf(0, 2),
          counts: { screened: 2, alerts: 1 },
          at: at(4),
        }),
      ).toBe(true);
      // The same chunk delivered again (its worker was killed before acking) and run again.
      expect(await jobs.beginChunk('job-r', 0, 2, at(5))).toBe('already-done');
      expect(
        await jobs.completeChunk({
          jobId: 'job-r',
          chunk: 0,
          results: rowsOf(0, 2, ',"again":true'),
          counts: { screened: 2, alerts: 1 },
          at: at(6),
        }),
      ).toBe(false);
      expect(await jobs.results('job-r')).toEqual([...rowsOf(0, 2), ...rowsOf(4, 5)]);
      expect(await jobs.beginChunk('job-r', 1, 1, at(7))).toBe('run');
      await jobs.completeChunk({
        jobId: 'job-r',
        chunk: 1,
        results: rowsOf(2, 4),
        counts: { screened: 2 },
        at: at(8),
      });
      expect(await jobs.results('job-r')).toEqual(rowsOf(0, 5));
      expect(await jobs.results('job-r', { afterRow: 1, limit: 2 })).toEqual(rowsOf(2, 4));
      expect(await jobs.results('job-r', { afterRow: 4 })).toEqual([]);
      expect(await jobs.status('job-r')).toMatchObject({
        state: 'done',
        chunks: { total: 3, pending: 0, done: 3, dead: 0 },
        rowsDone: 5,
        deliveries: 4,
        redeliveries: 1,
        counts: { screened: 5, alerts: 1 },
        finishedAt: at(8),
      });
      await expect(
        jobs.completeChunk({ jobId: 'job-r', chunk: 9, results: [], counts: {}, at: at(9) }),
      ).rejects.toThrow(/chunk 9/);
      expect(await jobs.beginChunk('nope', 0, 1, at(9))).toBe('unknown-job');
    });

    it('keeps dead chunks with their reason and reports the job failed', async () => {
      const jobs = await open();
      await jobs.create(newJob('job-d', { chunks: 2, rows: 4 }));
      await jobs.completeChunk({ jobId: 'job-d', chunk: 0, results: rowsOf(0, 2), counts: {}, at: at(1) });
      expect(await jobs.deadChunk('job-d', 1, 'line 4: field "name" is empty', 3, at(2))).toBe(true);
      expect(await jobs.deadChunk('job-d', 1, 'again', 4, at(3))).toBe(false);
      expect(await jobs.deadChunk('job-d', 0, 'late', 1, at(3))).toBe(false); // done stays done
      expect(await jobs.beginChunk('job-d', 1, 4, at(4))).toBe('dead');
      const status = await jobs.status('job-d');
      expect(status).toMatchObject({
        state: 'failed',
        chunks: { total: 2, pending: 0, done: 1, dead: 1 },
        rowsDone: 2,
        dead: [{ chunk: 1, reason: 'line 4: field "name" is empty', deliveries: 4 }],
      });
      expect(await jobs.results('job-d')).toEqual(rowsOf(0, 2));
    });

    it('cancel stops the remaining chunks but keeps what is done', async () => {
      const jobs = await open();
      await jobs.create(newJob('job-c', { chunks: 2, rows: 2 }));
      await jobs.completeChunk({ jobId: 'job-c', chunk: 0, results: rowsOf(0, 1), counts: {}, at: at(1) });
      expect(await jobs.cancel('job-c', at(2))).toBe(true);
      expect(await jobs.cancel('job-c', at(3))).toBe(false);
      expect(await jobs.cancel('nope', at(3))).toBe(false);
      expect(await jobs.beginChunk('job-c', 1, 1, at(4))).toBe('cancelled');
      expect(await jobs.beginChunk('job-c', 0, 2, at(4))).toBe('already-done');
      expect((await jobs.get('job-c'))?.cancelledAt).toBe(at(2));
      expect(await jobs.status('job-c')).toMatchObject({ state: 'cancelled', rowsDone: 1 });
    });

    it('an empty job is done at once', async () => {
      const jobs = await open();
      await jobs.create(newJob('job-0', { rows: 0, chunks: 0 }));
      expect(await jobs.status('job-0')).toMatchObject({ state: 'done', chunks: { total: 0 }, rowsDone: 0 });
    });

    it('two handles on the same stores see each other and never write a row twice', async () => {
      if (!implementation.openAgain) return;
      const a = await open();
      const second = await implementation.openAgain(opened[0] as Stores);
      opened.push(second);
      const b = second.jobs;
      await a.create(newJob('job-s', { chunks: 1, rows: 3 }));
      expect(await b.beginChunk('job-s', 0, 1, at(1))).toBe('run');
      expect(await a.beginChunk('job-s', 0, 2, at(2))).toBe('run'); // redelivered while b still works
      const results = await Promise.all([
        a.completeChunk({
          jobId: 'job-s',
          chunk: 0,
          results: rowsOf(0, 3, ',"by":"a"'),
          counts: { n: 3 },
          at: at(3),
        }),
        b.completeChunk({
          jobId: 'job-s',
          chunk: 0,
          results: rowsOf(0, 3, ',"by":"b"'),
          counts: { n: 3 },
          at: at(3),
        }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await b.results('job-s');
      expect(stored.map((r) => r.row)).toEqual([0, 1, 2]);
      const by = new Set(stored.map((r) => (JSON.parse(r.value) as { by: string }).by));
      expect(by.size).toBe(1); // one run's rows, never a mix
      expect(await a.status('job-s')).toMatchObject({
        state: 'done',
        rowsDone: 3,
        counts: { n: 3 },
        redeliveries: 1,
      });
    });
  });
}
