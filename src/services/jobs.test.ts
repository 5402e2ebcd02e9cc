import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Stores, WorkQueue } from '../core/index.js';
import { LocalWorkQueue } from '../queue/index.js';
import { testEntities } from '../screening/screener-test-entities.js';
import { openStores } from '../store/index.js';
import { writeJobResults } from './job-results.js';
import { cancelJob, jobStatus, waitForJob } from './job-status.js';
import { submitScreenJob } from './job-submit.js';
import { JobWorker } from './job-worker.js';
import { screenFile } from './screen-file.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stores: Stores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

const names = [
  'Joaquin Guzman Loera',
  'Ismael Zambada Garcia',
  'Maria Lopez',
  'Juan Perez',
  '"GUZMAN LOERA, Joaquin"',
  'Ana Torres',
  'Pedro Sanchez',
];

/** A customer file of `n` rows cycling through a few names, one row with an empty name. */
function customers(file: string, n: number): string {
  const lines = ['id,name'];
  for (let i = 0; i < n; i++) lines.push(i === 5 ? `C${i},` : `C${i},${names[i % names.length]}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function fileStores(name: string): Promise<Stores> {
  stores = await openStores(join(dir, `${name}.sqlite`));
  await stores.lists.saveVersion({ list: 'test-list', format: 'csv', files: [], entities: testEntities });
  return stores;
}

/** Runs workers on the queue until the job is no longer running. */
async function runWorkers(s: Stores, queue: WorkQueue, jobId: string, concurrency = 2) {
  const worker = new JobWorker(s, queue, { concurrency, pullWaitMs: 50, backoffMs: 20 });
  const running = worker.run();
  const status = await waitForJob(s, queue, jobId, { pollMs: 20 });
  worker.stop();
  await running;
  return { status, worker };
}

describe('distributed screening jobs (in-process queue)', () => {
  it('writes the same lines, in input order, as screening the file in one process (two screening threads)', async () => {
    const s = await fileStores('same');
    const input = customers(join(dir, 'same.csv'), 40);
    const local = join(dir, 'same-local.jsonl');
    await screenFile(s, { input, output: local, workers: 0 });
    const queue = new LocalWorkQueue();
    const { job } = await submitScreenJob(s, queue, { input, chunkRows: 7 });
    expect(job).toMatchObject({ rows: 40, chunks: 6, kind: 'screen' });
    expect(job.pins.listVersionIds).toHaveLength(1);
    const { status, worker } = await runWorkers(s, queue, job.id);
    expect(status).toMatchObject({ state: 'done', rowsDone: 40, chunks: { done: 6, dead: 0 } });
    expect(status.counts).toEqual({ screened: 39, rejected: 1, alerts: expect.any(Number) });
    expect(status.counts.alerts).toBeGreaterThan(0);
    expect(worker.counters).toMatchObject({ chunksDone: 6, rowsDone: 40, deadLetters: 0 });
    const out = join(dir, 'same-queue.jsonl');
    expect(await writeJobResults(s, job.id, out)).toEqual({ rows: 40, rowsTotal: 40, complete: true });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(local, 'utf8'));
  });

  it('screens against the list versions pinned at submission, not a version imported meanwhile', async () => {
    const s = await fileStores('pinned');
    const input = customers(join(dir, 'pinned.csv'), 14);
    const before = join(dir, 'pinned-before.jsonl');
    await screenFile(s, { input, output: before, workers: 0 });
    const queue = new LocalWorkQueue();
    const { job } = await submitScreenJob(s, queue, { input, chunkRows: 5 });
    // The list changes before any worker runs: Guzman Loera is no longer on it.
    await s.lists.saveVersion({
      list: 'test-list',
      format: 'csv',
      files: [],
      entities: testEntities.filter((e) => e.id !== 'P1'),
    });
    await runWorkers(s, queue, job.id, 1);
    const out = join(dir, 'pinned-queue.jsonl');
    await writeJobResults(s, job.id, out);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(before, 'utf8'));
    expect(readFileSync(out, 'utf8')).toContain('"entity_id":"P1"');
  });

  it('a cancelled job runs no further chunks', async () => {
    const s = await fileStores('cancel');
    const queue = new LocalWorkQueue();
    const { job } = await submitScreenJob(s, queue, {
      input: customers(join(dir, 'c.csv'), 10),
      chunkRows: 3,
    });
    expect((await cancelJob(s, job.id)).state).toBe('cancelled');
    const worker = new JobWorker(s, queue, { pullWaitMs: 50 });
    const running = worker.run();
    while (worker.counters.chunksSkipped + worker.counters.chunksDone < 4)
      await new Promise((r) => setTimeout(r, 10));
    worker.stop();
    await running;
    expect(worker.counters).toMatchObject({ chunksDone: 0, chunksSkipped: 4 });
    expect(await s.jobs.results(job.id)).toEqual([]);
  });

  it('a chunk that always fails is dead-lettered with its reason and the job reports it', async () => {
    const s = await fileStores('dead');
    const queue = new LocalWorkQueue({ maxDeliver: 2 });
    const { job } = await submitScreenJob(s, queue, {
      input: customers(join(dir, 'd.csv'), 4),
      chunkRows: 2,
    });
    // Simulate a job whose pinned version is gone from the store (a worker on the wrong database).
    await s.jobs.create({
      ...job,
      id: `${job.id}-gone`,
      rows: 0,
      chunks: 1,
      pins: { listVersionIds: [999] },
    });
    await queue.publish(`${job.id}-gone`, [{ kind: 'screen', first: 0, rows: [] }]);
    const worker = new JobWorker(s, queue, { pullWaitMs: 50, backoffMs: 10 });
    const running = worker.run();
    const status = await waitForJob(s, queue, `${job.id}-gone`, { pollMs: 20 });
    await waitForJob(s, queue, job.id, { pollMs: 20 });
    worker.stop();
    await running;
    expect(status).toMatchObject({ state: 'failed', chunks: { dead: 1 } });
    expect(status.dead[0]!.reason).toMatch(/list version 999 .* not in the store/);
    expect(status.dead[0]!.deliveries).toBe(2);
    const letters = await queue.deadLetters(`${job.id}-gone`);
    expect(letters.map((l) => l.reason)).toEqual([status.dead[0]!.reason]);
    expect((await jobStatus(s, job.id, queue)).state).toBe('done');
  });
});
