/**
 * Fault tests of the distributed tier with real processes and a real NATS JetStream: a worker
 * killed with SIGKILL in the middle of a chunk, a NATS server killed and restarted during a job,
 * and a chunk that always fails. Each run uses its own stream names (and, for the restart, its own
 * nats-server on a free port with its own store directory, so the shared server is not disturbed).
 * The output of every distributed run is compared line for line with `screen --input` in one
 * process: rows lost, duplicated or reordered all fail.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobStatus, Stores } from '../../core/index.js';
import { NatsWorkQueue } from '../../queue/nats/index.js';
import { openStores } from '../../store/index.js';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/src/cli/main.js');
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'sentinela-worker-faults-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function natsServerPath(): string | undefined {
  try {
    return execFileSync('which', ['nats-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function natsAnswers(): Promise<string | undefined> {
  try {
    const q = await NatsWorkQueue.open(natsUrl, {
      prefix: `sentinela_probe_${randomBytes(4).toString('hex')}`,
      connectTimeoutMs: 2_000,
    });
    await q.remove();
    await q.close();
    return undefined;
  } catch (error) {
    const reason = `NATS JetStream does not answer at ${natsUrl}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI must run the worker fault tests)`);
    return reason;
  }
}

const unavailable = !existsSync(cli) ? `${cli} is not built (npm run build)` : await natsAnswers();
if (unavailable) console.warn(`worker fault tests skipped — ${unavailable}`);

function spawnCli(args: string[]): ChildProcess & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c: Buffer) => {
    output.stdout += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    output.stderr += c.toString();
  });
  children.push(child);
  return Object.assign(child, { output });
}

async function runProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, ...child.output };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A watchlist of `n` generated names (slow enough that a worker is caught mid-chunk) plus the sample one. */
function watchlist(file: string, n: number): string {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ra',
    'ne',
    'to',
    'su',
    'vi',
    'da',
    'go',
    'pe',
    'zu',
    'ba',
    'ri',
    'chu',
  ];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const word = () => {
    const k = 2 + (next() % 3);
    let w = '';
    for (let i = 0; i < k; i++) w += syllables[next() % syllables.length];
    return w.toUpperCase();
  };
  const lines = ['id,name,schema'];
  for (let i = 0; i < n; i++) lines.push(`GEN-${i},${word()} ${word()} ${word()},Person`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** `n` customers cycling the sample customers with fresh ids, one of them with an empty name. */
function customers(file: string, n: number): string {
  const sample = readFileSync(join(root, 'data/sample/sample-customers.csv'), 'utf8').trim().split('\n');
  const header = sample[0]!;
  const body = sample.slice(1);
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const fields = body[i % body.length]!.split(',');
    fields[0] = `R${i}`;
    if (i === 3) fields[1] = '';
    lines.push(fields.join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** A store with the sample watchlist and a generated one, and the in-process output of `input`. */
async function prepare(name: string, rows: number): Promise<{ db: string; input: string; expected: string }> {
  const db = join(dir, `${name}.sqlite`);
  const input = customers(join(dir, `${name}.csv`), rows);
  for (const [list, file] of [
    ['sample', join(root, 'data/sample/sample-watchlist.csv')],
    ['generated', watchlist(join(dir, `${name}-watchlist.csv`), 20_000)],
  ] as const) {
    const r = await runProcess(['lists', 'import', file, '--list', list, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }
  const local = join(dir, `${name}-local.jsonl`);
  const r = await runProcess([
    'screen',
    '--input',
    input,
    '--output',
    local,
    '--db',
    db,
    '--workers',
    '0',
    '--no-store',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return { db, input, expected: readFileSync(local, 'utf8') };
}

async function status(stores: Stores, id: string): Promise<JobStatus> {
  return (await stores.jobs.status(id))!;
}

/** `screen --nats --detach`: submits `input` as a job of `chunkRows`-row chunks; resolves to its id. */
async function submitDetached(db: string, input: string, url: string, chunkRows: number): Promise<string> {
  const args = ['--db', db, '--nats', url, '--detach', '--chunk-rows', String(chunkRows), '--no-store'];
  const submit = await runProcess(['screen', '--input', input, ...args]);
  expect(submit.code, submit.stderr).toBe(0);
  return submit.stdout.trim();
}

/** The job's status once it is no longer running. */
function jobEnd(stores: Stores, id: string): Promise<JobStatus> {
  return waitFor('the job to finish', async () => {
    const s = await status(stores, id);
    return s.state === 'running' ? undefined : s;
  });
}

/** `jobs results` of a job into a file named `name`; resolves to what the file holds. */
async function jobResults(db: string, id: string, name: string): Promise<string> {
  const out = join(dir, name);
  const results = await runProcess(['jobs', 'results', id, '--db', db, '--output', out]);
  expect(results.code, results.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** Sends `signal` and resolves to the exit code once the process has exited. */
function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  child.kill(signal);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

const prefix = (what: string) => `sentinela_fault_${what}_${process.pid}_${randomBytes(3).toString('hex')}`;

async function removeStreams(url: string, p: string): Promise<void> {
  const q = await NatsWorkQueue.open(url, { prefix: p });
  await q.remove();
  await q.close();
}

describe.skipIf(unavailable !== undefined)(
  'distributed screening under faults (real NATS, real workers)',
  () => {
    it('a worker killed with SIGKILL mid-chunk: another finishes, every row appears exactly once', async () => {
      const { db, input, expected } = await prepare('kill', 1_200);
      const p = prefix('kill');
      const url = `${natsUrl}?prefix=${p}`;
      try {
        const id = await submitDetached(db, input, url, 100);
        const stores = await openStores(db);
        try {
          // Kill a worker while the store shows it began a chunk it has not finished; retried
          // should the chunk finish in the instant between looking and killing.
          let killedChunk: number | undefined;
          for (let attempt = 0; attempt < 5 && killedChunk === undefined; attempt++) {
            const victim = spawnCli(['worker', '--db', db, '--nats', url, '--ack-wait', '2', '--quiet']);
            const begun = await waitFor('a chunk begun and not finished', async () => {
              const rows = (await stores.jobs.status(id))!;
              if (rows.state !== 'running') return undefined;
              const s = await pendingBegun(db, id);
              return s.length > 0 ? s : undefined;
            });
            await stop(victim, 'SIGKILL');
            const still = await pendingBegun(db, id);
            killedChunk = begun.find((c) => still.includes(c));
          }
          expect(killedChunk).toBeDefined();
          const rescuer = spawnCli(['worker', '--db', db, '--nats', url, '--ack-wait', '2', '--quiet']);
          const done = await jobEnd(stores, id);
          expect(await stop(rescuer, 'SIGTERM')).toBe(0);
          expect(done).toMatchObject({ state: 'done', rowsDone: 1_200, chunks: { done: 12, dead: 0 } });
          expect(done.redeliveries).toBeGreaterThanOrEqual(1);
          const lines = await jobResults(db, id, 'kill-queue.jsonl');
          expect(lines.split('\n').length).toBe(1_201);
          expect(lines).toBe(expected);
        } finally {
          await stores.close();
        }
      } finally {
        await removeStreams(natsUrl, p);
      }
    }, 240_000);

    it('SIGTERM drains: the chunk in hand is finished and acknowledged, nothing more is pulled', async () => {
      const { db, input, expected } = await prepare('drain', 1_000);
      const p = prefix('drain');
      const url = `${natsUrl}?prefix=${p}`;
      const stores = await openStores(db);
      try {
        const id = await submitDetached(db, input, url, 100);
        const worker = spawnCli(['worker', '--db', db, '--nats', url]);
        const inHand = await waitFor('a chunk begun and not finished', async () => {
          const begun = await pendingBegun(db, id);
          return begun.length > 0 ? begun : undefined;
        });
        expect(await stop(worker, 'SIGTERM')).toBe(0);
        expect(worker.output.stderr).toMatch(/SIGTERM: draining/);
        const after = await status(stores, id);
        // Every chunk it had begun is done (none left for the ack-wait), and it took no other.
        expect(await pendingBegun(db, id)).toEqual([]);
        expect(after.chunks.done).toBeGreaterThanOrEqual(inHand.length);
        expect(after.chunks.pending).toBeGreaterThan(0);
        expect(after.redeliveries).toBe(0);
        const finisher = spawnCli(['worker', '--db', db, '--nats', url, '--quiet']);
        const done = await jobEnd(stores, id);
        await stop(finisher, 'SIGTERM');
        expect(done).toMatchObject({ state: 'done', rowsDone: 1_000, redeliveries: 0 });
        expect(await jobResults(db, id, 'drain-queue.jsonl')).toBe(expected);
      } finally {
        await stores.close();
        await removeStreams(natsUrl, p);
      }
    }, 240_000);

    it('NATS killed and restarted during a job: the job completes and the waiting submitter writes the output', async () => {
      const server = natsServerPath();
      if (!server) {
        console.warn('NATS restart test skipped — no nats-server binary on PATH');
        return;
      }
      const port = await freePort();
      const storeDir = join(dir, 'nats-store');
      const startNats = () =>
        spawn(server, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      let nats = startNats();
      children.push(nats);
      const url = `nats://127.0.0.1:${port}`;
      await waitFor('the private nats-server', async () =>
        NatsWorkQueue.open(url, { prefix: 'probe', connectTimeoutMs: 500 }).then(
          async (q) => {
            await q.remove();
            await q.close();
            return true;
          },
          () => undefined,
        ),
      );
      const { db, input, expected } = await prepare('restart', 1_200);
      const worker = spawnCli(['worker', '--db', db, '--nats', url, '--ack-wait', '3', '--quiet']);
      const out = join(dir, 'restart-queue.jsonl');
      const submitter = spawnCli([
        'screen',
        '--input',
        input,
        '--db',
        db,
        '--nats',
        url,
        '--output',
        out,
        '--chunk-rows',
        '100',
        '--no-store',
      ]);
      const stores = await openStores(db);
      try {
        const id = await waitFor('the job', async () => (await stores.jobs.list())[0]?.id);
        await waitFor('some chunks done', async () =>
          (await status(stores, id)).chunks.done >= 2 ? true : undefined,
        );
        await stop(nats, 'SIGKILL');
        const doneWhileDown = (await status(stores, id)).chunks.done;
        await new Promise((r) => setTimeout(r, 1_500));
        nats = startNats();
        children.push(nats);
        const code = await new Promise<number | null>((r) => submitter.once('exit', (c) => r(c)));
        expect(code, submitter.output.stderr).toBe(0);
        const done = await status(stores, id);
        expect(done).toMatchObject({ state: 'done', rowsDone: 1_200, chunks: { done: 12, dead: 0 } });
        expect(doneWhileDown).toBeLessThan(12); // the restart really happened mid-job
        expect(readFileSync(out, 'utf8')).toBe(expected);
        expect(await stop(worker, 'SIGTERM')).toBe(0);
      } finally {
        await stores.close();
        nats.kill('SIGTERM');
      }
    }, 240_000);

    it('a chunk that always fails is dead-lettered with its reason, and the job reports it', async () => {
      const { db, input } = await prepare('dead', 30);
      const p = prefix('dead');
      const url = `${natsUrl}?prefix=${p}`;
      const queue = await NatsWorkQueue.open(natsUrl, { prefix: p });
      const stores = await openStores(db);
      try {
        const good = await submitDetached(db, input, url, 10);
        // A job whose pinned list version is not in this store: every delivery of its chunk fails.
        const job = (await stores.jobs.get(good))!;
        const bad = `${good}-gone`;
        await stores.jobs.create({
          ...job,
          id: bad,
          chunks: 1,
          rows: 1,
          pins: { listVersionIds: [999_999] },
        });
        await queue.publish(bad, [
          { kind: 'screen', first: 0, rows: [{ line: 2, query: { id: 'x', name: 'Juan Perez' } }] },
        ]);
        const metricsPort = await freePort();
        const worker = spawnCli([
          'worker',
          '--db',
          db,
          '--nats',
          url,
          '--max-deliver',
          '3',
          '--quiet',
          '--metrics-port',
          String(metricsPort),
        ]);
        const failed = await waitFor('the bad job to fail', async () => {
          const s = await status(stores, bad);
          return s.state === 'failed' ? s : undefined;
        });
        // The worker prints each failed delivery even with --quiet: the story when this fails.
        expect(failed.dead, worker.output.stderr).toEqual([
          {
            chunk: 0,
            reason: expect.stringMatching(/list version 999999 .*not in the store/),
            deliveries: 3,
            at: expect.any(String),
          },
        ]);
        const letters = await queue.deadLetters(bad);
        expect(letters).toHaveLength(1);
        expect(letters[0]).toMatchObject({
          jobId: bad,
          chunk: 0,
          reason: failed.dead[0]!.reason,
          deliveries: 3,
        });
        const shown = await runProcess(['jobs', 'status', bad, '--db', db, '--nats', url]);
        expect(shown.code).toBe(0);
        expect(shown.stdout).toMatch(/failed/);
        expect(shown.stdout).toMatch(/dead chunk 0 after 3 deliveries: list version 999999/);
        // The other job on the same queue is untouched.
        await waitFor('the good job', async () =>
          (await status(stores, good)).state === 'done' ? true : undefined,
        );
        // The worker's counters tell the same story on /metrics.
        const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1]);
        expect(value('sentinela_worker_dead_letters_total')).toBe(1);
        expect(value('sentinela_worker_chunks_done_total')).toBe(3);
        expect(value('sentinela_worker_rows_done_total')).toBe(30);
        expect(value('sentinela_worker_redeliveries_total')).toBe(2);
        expect(value('sentinela_worker_chunk_failures_total')).toBe(3);
        expect(value('sentinela_queue_lag_chunks')).toBe(0);
        expect(metrics).toMatch(/# TYPE sentinela_worker_chunks_done_total counter/);
        expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
        expect(await stop(worker, 'SIGTERM')).toBe(0);
      } finally {
        await stores.close();
        await queue.remove();
        await queue.close();
      }
    }, 240_000);
  },
);

/** Chunks of the job that a worker began (delivered at least once) and has not finished. */
async function pendingBegun(db: string, id: string): Promise<number[]> {
  const { openSqlite } = await import('../../store/index.js');
  const sqlite = openSqlite(db);
  try {
    return sqlite
      .prepare<[string], { chunk: number }>(
        "SELECT chunk FROM job_chunks WHERE job_id = ? AND state = 'pending' AND deliveries > 0",
      )
      .all(id)
      .map((r) => r.chunk);
  } finally {
    sqlite.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
