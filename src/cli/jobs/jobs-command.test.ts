/**
 * `sentinela jobs list|status|results|cancel` in-process on a SQLite store holding a job as the
 * workers leave it (no NATS: what the store says is what these commands show): results only once
 * every row has one (else exit 1 and how many are missing), in input order, to stdout or a file;
 * a job that is not in the store is named.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStore } from '../../core/index.js';
import { openStores } from '../../store/index.js';
import { cliRunner } from '../shared/testing/run-cli.js';
import { tempScreeningStore } from '../shared/testing/screening-test-store.js';
import * as jobsCommand from './jobs-command.js';

let dir: string;
let db: string;
beforeAll(async () => ({ dir, db } = await tempScreeningStore('jobs')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jobs = cliRunner([jobsCommand], ['jobs']);
const at = (s: number) => `2026-12-02T01:00:${String(s).padStart(2, '0')}.000Z`;

/** Writes to the job store directly, as `screen --nats` and the workers do. */
async function withJobStore(use: (store: JobStore) => Promise<void>): Promise<void> {
  const stores = await openStores(db);
  try {
    await use(stores.jobs);
  } finally {
    await stores.close();
  }
}

/** The result line of input row `row`. */
const resultOf = (row: number) => `{"id":"c${row}","matches":[]}`;

/** A worker's run of chunk `chunk`, holding rows `from` to `to` (excluded), at second `second`. */
async function workChunk(store: JobStore, chunk: number, from: number, to: number, second: number) {
  expect(await store.beginChunk('job-a', chunk, 1, at(second))).toBe('run');
  const results = Array.from({ length: to - from }, (_, i) => ({ row: from + i, value: resultOf(from + i) }));
  await store.completeChunk({
    jobId: 'job-a',
    chunk,
    results,
    counts: { screened: to - from },
    at: at(second + 1),
  });
}

describe('sentinela jobs', () => {
  it('lists nothing in a store without jobs', async () => {
    expect((await jobs('list', '--db', db)).out).toBe(`No jobs in ${db}.\n`);
  });

  it('shows a running job, refuses its incomplete results, then writes them in order once done', async () => {
    await withJobStore(async (store) => {
      await store.create({
        id: 'job-a',
        kind: 'screen',
        createdAt: at(0),
        input: 'customers.csv',
        rows: 3,
        chunks: 2,
        pins: { listVersionIds: [1] },
        options: { limit: 10 },
      });
      await workChunk(store, 1, 2, 3, 1);
    });
    expect((await jobs('list', '--db', db)).out).toBe(`job-a  screen  3 rows  ${at(0)}  customers.csv\n`);
    expect(JSON.parse((await jobs('list', '--db', db, '--json')).out)).toMatchObject([
      { id: 'job-a', rows: 3 },
    ]);
    const running = await jobs('status', 'job-a', '--db', db);
    expect(running.out).toMatch(/^job job-a \(screen customers.csv\): running\n/);
    expect(running.out).toMatch(/rows 1\/3; chunks 1 done, 1 pending, 0 dead of 2; 0 redeliveries/);
    expect(JSON.parse((await jobs('status', 'job-a', '--db', db, '--json')).out)).toMatchObject({
      state: 'running',
      rowsDone: 1,
    });

    const partial = await jobs('results', 'job-a', '--db', db);
    expect(partial.out).toBe(`${resultOf(2)}\n`);
    expect(partial.err).toBe(
      'sentinela: job job-a: 1 of 3 rows have results (see sentinela jobs status job-a)\n',
    );
    expect(partial.exitCode).toBe(1);

    await withJobStore((store) => workChunk(store, 0, 0, 2, 3));
    const done = await jobs('results', 'job-a', '--db', db);
    const lines = `${resultOf(0)}\n${resultOf(1)}\n${resultOf(2)}\n`;
    expect(done).toMatchObject({ out: lines, err: '', exitCode: undefined });
    const file = join(dir, 'results.jsonl');
    expect((await jobs('results', 'job-a', '--db', db, '--output', file)).out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(lines);
    expect((await jobs('status', 'job-a', '--db', db)).out).toMatch(
      /: done\n.*rows 3\/3.*\n {2}3 screened\n/,
    );
  });

  it('cancels a job and says so in its status', async () => {
    const cancelled = await jobs('cancel', 'job-a', '--db', db);
    expect(cancelled.out).toMatch(/^job job-a \(screen customers.csv\): cancelled\n/);
    expect(cancelled.out).toMatch(/, cancelled \d{4}-/);
  });

  it('names a job that is not in the store', async () => {
    for (const sub of ['status', 'results', 'cancel'])
      await expect(jobs(sub, 'nope', '--db', db)).rejects.toThrow(`no job nope in the store at ${db}`);
  });
});
