/**
 * Distributed screening benchmark (issue 15, benchmarks.md): 50,000 `negatives_global` names plus
 * 1,000 positives against SDN + UN + non-SDN, screened as whole commands on one store file —
 * in one process (`screen --input --workers N`), then through NATS JetStream with 1 and 2 standing
 * `sentinela worker` processes (`screen --input --nats`: submit, wait, write the output) — and a
 * 2-worker run where one worker is killed with SIGKILL mid-run and a replacement started. Prints
 * names/s, the queue path's ratio to in-process at equal cores (target ≥ 0.85), per-chunk
 * overhead, redeliveries, rows lost and the killed run's extra time against one chunk's time, with
 * the load average beside each figure (the machine is shared). Every queue output is compared byte
 * for byte with the in-process output: a lost, doubled or misplaced row shows as rows lost.
 *
 * `npm run bench:distributed [-- --quick] [-- --chunk-rows=N]`; NATS at $NATS_URL (default
 * nats://127.0.0.1:4222); streams are named per run and removed afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobStatus, PartyQuery } from '../../src/core/index.js';
import { NatsWorkQueue } from '../../src/queue/nats/index.js';
import { openSqlite, openStores } from '../../src/store/index.js';
import {
  check,
  type Figure,
  formatFigures,
  isMain,
  loadSanctionsLists,
  log,
  presentLists,
  readYenteCsv,
  sample,
  sanctionsPath,
  yenteQuery,
} from '../screening/screening-bench-data.js';
import { packageRoot } from '../shared-data-path.js';

const cli = join(packageRoot(), 'dist/src/cli/main.js');
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

interface Options {
  quick: boolean;
  chunkRows: number;
}

function parseArgs(argv = process.argv.slice(2)): Options {
  const chunk = argv.find((a) => a.startsWith('--chunk-rows='));
  return { quick: argv.includes('--quick'), chunkRows: chunk ? Number(chunk.split('=')[1]) : 1000 };
}

const load1 = () => loadavg()[0]!.toFixed(2);

function csvField(v: string | undefined): string {
  if (v === undefined) return '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function writeInput(file: string, queries: PartyQuery[]): void {
  const lines = ['id,name,schema,birth_date,nationality,gender'];
  for (const q of queries)
    lines.push(
      [q.id, q.name, q.schema, q.birthDate, q.nationality, q.gender].map((v) => csvField(v)).join(','),
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function start(args: string[]): ChildProcess & { err: () => string } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  child.stdout!.resume();
  return Object.assign(child, { err: () => err });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

async function run(args: string[]): Promise<{ seconds: number; err: string }> {
  const t = performance.now();
  const child = start(args);
  const code = await exited(child);
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`sentinela ${args.join(' ')} exited ${code}: ${child.err()}`);
  return { seconds, err: child.err() };
}

/** A standing worker, resolved once it says it is pulling. */
async function startWorker(db: string, url: string): Promise<ChildProcess & { err: () => string }> {
  const worker = start(['worker', '--db', db, '--nats', url, '--ack-wait', '10']);
  const until = Date.now() + 60_000;
  while (!worker.err().includes('pulling from')) {
    if (worker.exitCode !== null) throw new Error(`worker exited: ${worker.err()}`);
    if (Date.now() > until) throw new Error('worker did not start within 60 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return worker;
}

/** Lines of `got` that are not the same line at the same place in `expected` (0: identical). */
function rowsLost(expected: string, got: string): number {
  const a = expected.split('\n');
  const b = got.split('\n');
  let lost = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) lost++;
  return lost;
}

interface QueueRun {
  seconds: number;
  /** From the job's creation to its last chunk (workers' steady state, submit and output excluded). */
  jobSeconds: number;
  status: JobStatus;
  lost: number;
  load: string;
  killedAtRows?: number;
  /** From spawning the replacement worker to its first pull. */
  replacementSeconds?: number;
  /** How long the killed worker had been on the chunk that was redelivered (work thrown away). */
  lostWorkSeconds?: number;
}

/** Chunks of the job begun by some worker and not finished, with when they were begun (ms). */
function chunksInHand(db: string, jobId: string): Map<number, number> {
  const sqlite = openSqlite(db);
  try {
    const rows = sqlite
      .prepare<[string], { chunk: number; updated_at: string }>(
        "SELECT chunk, updated_at FROM job_chunks WHERE job_id = ? AND state = 'pending' AND deliveries > 0",
      )
      .all(jobId);
    return new Map(rows.map((r) => [r.chunk, Date.parse(r.updated_at)]));
  } finally {
    sqlite.close();
  }
}

/** Seconds the killed worker had spent on the chunk(s) later delivered again. */
function lostWork(db: string, jobId: string, begun: Map<number, number>, killedAt: number): number {
  const sqlite = openSqlite(db);
  try {
    const redelivered = sqlite
      .prepare<[string], { chunk: number }>(
        'SELECT chunk FROM job_chunks WHERE job_id = ? AND deliveries > 1',
      )
      .all(jobId);
    return redelivered.reduce((sum, r) => sum + (killedAt - (begun.get(r.chunk) ?? killedAt)) / 1000, 0);
  } finally {
    sqlite.close();
  }
}

async function queueRun(
  db: string,
  input: string,
  expected: string,
  dir: string,
  workers: number,
  options: Options,
  kill: boolean,
): Promise<QueueRun> {
  const prefix = `sentinela_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = `${natsUrl}?prefix=${prefix}`;
  const standing = [];
  for (let i = 0; i < workers; i++) standing.push(await startWorker(db, url));
  const output = join(dir, `queue-${workers}${kill ? '-kill' : ''}.jsonl`);
  const stores = await openStores(db);
  try {
    const before = new Set((await stores.jobs.list({ limit: 1000 })).map((j) => j.id));
    const t = performance.now();
    const submitter = start([
      'screen',
      '--input',
      input,
      '--db',
      db,
      '--nats',
      url,
      '--output',
      output,
      '--chunk-rows',
      String(options.chunkRows),
      '--no-store',
    ]);
    let killedAtRows: number | undefined;
    let killedAt = 0;
    let replacementSeconds: number | undefined;
    let killed: { jobId: string; begun: Map<number, number> } | undefined;
    if (kill) {
      const total = readFileSync(input, 'utf8').trim().split('\n').length - 1;
      for (;;) {
        const job = (await stores.jobs.list({ limit: 1 })).find((j) => !before.has(j.id));
        const s = job && (await stores.jobs.status(job.id));
        if (s && s.rowsDone >= total * 0.3) {
          killedAtRows = s.rowsDone;
          break;
        }
        if (submitter.exitCode !== null)
          throw new Error(`submitter exited before the kill: ${submitter.err()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const jobId = (await stores.jobs.list({ limit: 1 }))[0]!.id;
      const begun = chunksInHand(db, jobId);
      const victim = standing.shift()!;
      victim.kill('SIGKILL');
      killedAt = Date.now();
      await exited(victim);
      // What a supervisor (systemd, Kubernetes) does: start a replacement.
      const r = performance.now();
      standing.push(await startWorker(db, url));
      replacementSeconds = (performance.now() - r) / 1000;
      killed = { jobId, begun };
    }
    const code = await exited(submitter);
    const seconds = (performance.now() - t) / 1000;
    const load = load1();
    if (code !== 0) throw new Error(`screen --nats exited ${code}: ${submitter.err()}`);
    const job = (await stores.jobs.list({ limit: 1 }))[0]!;
    const status = (await stores.jobs.status(job.id))!;
    const jobSeconds = (Date.parse(status.finishedAt ?? job.createdAt) - Date.parse(job.createdAt)) / 1000;
    for (const w of standing) w.kill('SIGTERM');
    await Promise.all(standing.map(exited));
    return {
      seconds,
      jobSeconds,
      status,
      lost: rowsLost(expected, readFileSync(output, 'utf8')),
      load,
      ...(killedAtRows !== undefined && { killedAtRows }),
      ...(replacementSeconds !== undefined && { replacementSeconds }),
      ...(killed && { lostWorkSeconds: lostWork(db, killed.jobId, killed.begun, killedAt) }),
    };
  } finally {
    for (const w of standing) if (w.exitCode === null) w.kill('SIGKILL');
    await stores.close();
    const q = await NatsWorkQueue.open(natsUrl, { prefix });
    await q.remove();
    await q.close();
  }
}

export async function runDistributedBench(options: Options): Promise<Figure[]> {
  const negatives = sanctionsPath('eval', 'yente', 'negatives_global.csv');
  if (!existsSync(negatives)) {
    log(`bench distributed: skipped — ${negatives} is absent (../shared/data)`);
    return [];
  }
  if (!existsSync(cli)) throw new Error(`${cli} is not built: npm run build`);
  try {
    const probe = await NatsWorkQueue.open(natsUrl, {
      prefix: `sentinela_probe_${process.pid}`,
      connectTimeoutMs: 2_000,
    });
    await probe.remove();
    await probe.close();
  } catch (error) {
    log(
      `bench distributed: skipped — NATS JetStream does not answer at ${natsUrl}: ${(error as Error).message}`,
    );
    return [];
  }
  const lists = await loadSanctionsLists();
  for (const m of lists.missing) log(`bench distributed: list not loaded: ${m}`);
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-distributed-'));
  try {
    const db = join(dir, 'bench.sqlite');
    const stores = await openStores(db);
    for (const l of presentLists(lists))
      await stores.lists.saveVersion({ list: l.list, format: 'ofac-csv', files: [], entities: l.entities });
    await stores.close();
    const queries = [
      ...sample(
        readYenteCsv('negatives_global.csv').map((row, i) => yenteQuery(row, `neg-${i}`)),
        options.quick ? 2000 : 50_000,
      ),
      ...sample(
        [...readYenteCsv('positives_un_untreated.csv'), ...readYenteCsv('positives_un_treated.csv')].map(
          (row, i) => yenteQuery(row, `pos-${i}`),
        ),
        options.quick ? 100 : 1000,
      ),
    ];
    const input = join(dir, 'names.csv');
    writeInput(input, queries);
    const names = queries.length;
    const chunks = Math.ceil(names / options.chunkRows);
    log(`bench distributed: ${names} names, ${chunks} chunks of ${options.chunkRows}; building the snapshot`);
    // The snapshot beside the store is built once (as the first screen on a new store does).
    writeInput(join(dir, 'warm.csv'), queries.slice(0, 10));
    await run(['screen', '--input', join(dir, 'warm.csv'), '--db', db, '--workers', '0', '--no-store']);

    const inProcess: Record<number, { seconds: number; load: string }> = {};
    let expected = '';
    for (const threads of [1, 2]) {
      const out = join(dir, `in-process-${threads}.jsonl`);
      const r = await run([
        'screen',
        '--input',
        input,
        '--output',
        out,
        '--db',
        db,
        '--workers',
        String(threads),
        '--no-store',
      ]);
      inProcess[threads] = { seconds: r.seconds, load: load1() };
      log(
        `bench distributed: in-process, ${threads} thread(s): ${r.seconds.toFixed(1)} s (load ${inProcess[threads]!.load})`,
      );
      const text = readFileSync(out, 'utf8');
      if (threads === 1) expected = text;
      else if (rowsLost(expected, text) !== 0)
        throw new Error('in-process outputs differ between 1 and 2 threads');
    }
    const q1 = await queueRun(db, input, expected, dir, 1, options, false);
    log(`bench distributed: NATS, 1 worker: ${q1.seconds.toFixed(1)} s (load ${q1.load})`);
    const q2 = await queueRun(db, input, expected, dir, 2, options, false);
    log(`bench distributed: NATS, 2 workers: ${q2.seconds.toFixed(1)} s (load ${q2.load})`);
    const qk = await queueRun(db, input, expected, dir, 2, options, true);
    log(`bench distributed: NATS, 2 workers, one killed: ${qk.seconds.toFixed(1)} s (load ${qk.load})`);

    const rate = (s: number) => names / s;
    const chunkSeconds = inProcess[1]!.seconds / chunks;
    const overheadMs = ((q1.seconds - inProcess[1]!.seconds) / chunks) * 1000;
    const ratio1 = rate(q1.seconds) / rate(inProcess[1]!.seconds);
    const ratio2 = rate(q2.seconds) / rate(inProcess[2]!.seconds);
    const extra = qk.seconds - q2.seconds;
    return [
      {
        name: 'in-process, 1 thread (whole command)',
        value: rate(inProcess[1]!.seconds),
        unit: 'names/s',
        target: '',
        note: `load ${inProcess[1]!.load}`,
      },
      {
        name: 'in-process, 2 threads (whole command)',
        value: rate(inProcess[2]!.seconds),
        unit: 'names/s',
        target: '',
        note: `load ${inProcess[2]!.load}`,
      },
      {
        name: 'NATS, 1 worker (submit → output)',
        value: rate(q1.seconds),
        unit: 'names/s',
        target: '',
        note: `load ${q1.load}; job alone ${rate(q1.jobSeconds).toFixed(0)} names/s`,
      },
      {
        name: 'NATS, 2 workers (submit → output)',
        value: rate(q2.seconds),
        unit: 'names/s',
        target: '',
        note: `load ${q2.load}; job alone ${rate(q2.jobSeconds).toFixed(0)} names/s`,
      },
      {
        name: 'queue / in-process, 1 core',
        value: ratio1,
        unit: 'ratio',
        target: '>= 0.85',
        ok: check(ratio1, '>=', 0.85),
      },
      {
        name: 'queue / in-process, 2 cores',
        value: ratio2,
        unit: 'ratio',
        target: '>= 0.85',
        ok: check(ratio2, '>=', 0.85),
      },
      {
        name: 'result size (store and output)',
        value: Buffer.byteLength(expected) / names,
        unit: 'bytes/row',
        target: '',
        note: 'for sizing the job store',
      },
      {
        name: 'per-chunk overhead (1 worker vs 1 thread)',
        value: overheadMs,
        unit: 'ms',
        target: '',
        note: `${chunks} chunks of ${options.chunkRows} rows; one chunk ≈ ${(chunkSeconds * 1000).toFixed(0)} ms of screening`,
      },
      {
        name: 'redeliveries, runs without a kill',
        value: q1.status.redeliveries + q2.status.redeliveries,
        unit: 'chunks',
        target: '<= 0',
        ok: check(q1.status.redeliveries + q2.status.redeliveries, '<=', 0),
      },
      {
        name: 'rows lost or misplaced (all queue runs)',
        value: q1.lost + q2.lost + qk.lost,
        unit: 'rows',
        target: '<= 0',
        ok: check(q1.lost + q2.lost + qk.lost, '<=', 0),
      },
      {
        name: 'worker killed mid-run: redeliveries',
        value: qk.status.redeliveries,
        unit: 'chunks',
        target: '',
        note: `killed at ${qk.killedAtRows} of ${names} rows; replacement started at once (ready in ${qk.replacementSeconds?.toFixed(1)} s)`,
      },
      {
        name: 'worker killed mid-run: work thrown away',
        value: qk.lostWorkSeconds,
        unit: 's',
        target: `<= one chunk (${chunkSeconds.toFixed(2)} s)`,
        ok: check(qk.lostWorkSeconds, '<=', chunkSeconds),
        note: "the killed worker's time on the chunk that was delivered again",
      },
      {
        name: 'worker killed mid-run: extra time vs 2 workers',
        value: extra,
        unit: 's',
        target: `<= one chunk (${chunkSeconds.toFixed(2)} s)`,
        ok: check(extra, '<=', chunkSeconds),
        note: `load ${qk.load}; includes the replacement's start`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const options = parseArgs();
  const figures = await runDistributedBench(options);
  if (figures.length > 0)
    process.stdout.write(formatFigures('Distributed screening (NATS JetStream workers)', figures));
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
}
