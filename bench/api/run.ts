/**
 * The API benchmark (`npm run bench:api [-- --quick]`, benchmarks.md §6): a bounded load run
 * against a real `sentinela serve` process on 127.0.0.1 with SDN + UN + non-SDN loaded, through an
 * API token like any client: single-party screenings per second with p50/p99 at 8 and 32
 * concurrent clients, errors counted, and the in-process cost per name beside it so the HTTP
 * overhead shows; then alert listing with a filter over 1,000,000 stored alerts (100,000 quick).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Figure,
  formatFigures,
  log,
  readYenteCsv,
  sanctionsPath,
  yenteQuery,
} from '../screening/screening-bench-data.js';
import { fillAlerts } from './alert-fill.js';
import { lastLine, sentinela } from './bench-cli.js';
import { runLoad } from './http-load.js';
import { inProcessCost } from './in-process-cost.js';
import { startServe } from './serve-child.js';

const quick = process.argv.includes('--quick');
const seconds = quick ? 3 : 15;
const workers = Number(process.env.BENCH_API_WORKERS ?? 2);
const alertCount = quick ? 100_000 : 1_000_000;

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sentinela-bench-api-'));
  const db = join(work, 'bench.sqlite');
  const figures: Figure[] = [];
  try {
    log(`bench api: ${quick ? 'quick' : 'full'} run; load average at start ${load()}`);
    let started = performance.now();
    sentinela([
      'lists',
      'import',
      '--db',
      db,
      sanctionsPath('ofac_sdn_2024-05-03'),
      sanctionsPath('ofac_2025-12_alt_add_comments'),
    ]);
    sentinela([
      'lists',
      'import',
      '--db',
      db,
      sanctionsPath('un_consolidated_2026-02-27', 'UN_consolidated.xml'),
    ]);
    sentinela(['lists', 'import', '--db', db, sanctionsPath('ofac_non_sdn_2025-12')]);
    log(`bench api: lists imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const passwordFile = join(work, 'password');
    writeFileSync(passwordFile, 'bench-password-not-secret-1234\n', { mode: 0o600 });
    sentinela([
      'users',
      'add',
      'bench-analyst',
      '--role',
      'analyst',
      '--password-file',
      passwordFile,
      '--db',
      db,
    ]);
    const screenToken = lastLine(
      sentinela(['tokens', 'create', '--user', 'bench-analyst', '--scope', 'screen', '--db', db]),
    );
    const readToken = lastLine(
      sentinela(['tokens', 'create', '--user', 'bench-analyst', '--scope', 'read', '--db', db]),
    );

    const names = readYenteCsv('negatives_global.csv')
      .slice(0, quick ? 2_000 : 20_000)
      .map((row, i) => yenteQuery(row, `n${i}`));
    const cost = await inProcessCost(db, names.slice(0, quick ? 1_000 : 5_000));
    figures.push({
      name: 'in-process screening cost per name (mean)',
      value: cost.meanMs,
      unit: 'ms',
      target: '',
    });
    figures.push({
      name: 'in-process screening cost per name (p99)',
      value: cost.p99Ms,
      unit: 'ms',
      target: '',
    });

    started = performance.now();
    const server = await startServe([
      '--db',
      db,
      '--port',
      '0',
      '--workers',
      String(workers),
      '--screening-rate',
      '0',
    ]);
    figures.push({
      name: `serve start to /healthz (${workers} workers)`,
      value: server.healthyMs,
      unit: 'ms',
      target: '',
    });
    figures.push({
      name: 'serve start to /readyz (index built)',
      value: server.readyMs,
      unit: 'ms',
      target: '',
    });
    const bodies = names.map((q) =>
      JSON.stringify({
        party: {
          id: q.id,
          name: q.name,
          schema: q.schema,
          ...(q.birthDate ? { birthDate: q.birthDate } : {}),
          ...(q.nationality ? { nationality: q.nationality } : {}),
        },
      }),
    );
    for (const connections of [8, 32]) {
      const f = await runLoad({
        url: `${server.url}/screen`,
        method: 'POST',
        token: screenToken,
        connections,
        seconds,
        next: (i) => bodies[i % bodies.length]!,
      });
      const errors = f.errors + f.timeouts + f.non2xx;
      log(
        `bench api: ${connections} clients: ${f.perSecond.toFixed(0)}/s p50 ${f.p50Ms} ms p99 ${f.p99Ms} ms errors ${errors} (load ${load()})`,
      );
      figures.push({
        name: `POST /screen, ${connections} clients: screenings/s`,
        value: f.perSecond,
        unit: '/s',
        target: '>= 2000',
        ok: f.perSecond >= 2000,
      });
      figures.push({
        name: `POST /screen, ${connections} clients: p50`,
        value: f.p50Ms,
        unit: 'ms',
        target: '',
      });
      figures.push({
        name: `POST /screen, ${connections} clients: p99`,
        value: f.p99Ms,
        unit: 'ms',
        target: '<= 50',
        ok: f.p99Ms <= 50,
      });
      figures.push({
        name: `POST /screen, ${connections} clients: errors (incl. non-2xx)`,
        value: errors,
        unit: '',
        target: '= 0',
        ok: errors === 0,
      });
      // What the same cores would screen with no HTTP at all: workers × (1000 / in-process mean).
      const capacity = (workers * 1000) / cost.meanMs;
      figures.push({
        name: `POST /screen, ${connections} clients: share of in-process capacity (${capacity.toFixed(0)}/s)`,
        value: f.perSecond / capacity,
        unit: '',
        target: '',
        note: 'HTTP, JSON, auth and the load generator share the cores',
      });
    }
    const exit = await server.stop();
    figures.push({
      name: 'serve exit code after SIGTERM',
      value: exit ?? -1,
      unit: '',
      target: '= 0',
      ok: exit === 0,
    });

    started = performance.now();
    const filled = await fillAlerts(db, alertCount);
    log(`bench api: ${filled.count} alerts stored in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const alertServer = await startServe(['--db', db, '--port', '0', '--workers', String(workers)]);
    const queries = filled.filters.map((f) => `/alerts?${new URLSearchParams(f).toString()}`);
    const f = await runLoad({
      url: `${alertServer.url}/alerts`,
      method: 'GET',
      token: readToken,
      connections: 8,
      seconds,
      next: (i) => queries[i % queries.length]!,
    });
    await alertServer.stop();
    const errors = f.errors + f.timeouts + f.non2xx;
    figures.push({
      name: `GET /alerts with a filter at ${filled.count} alerts: requests/s`,
      value: f.perSecond,
      unit: '/s',
      target: '',
    });
    figures.push({
      name: `GET /alerts with a filter at ${filled.count} alerts: p50`,
      value: f.p50Ms,
      unit: 'ms',
      target: '',
    });
    figures.push({
      name: `GET /alerts with a filter at ${filled.count} alerts: p99`,
      value: f.p99Ms,
      unit: 'ms',
      target: '<= 100',
      ok: f.p99Ms <= 100,
    });
    figures.push({
      name: `GET /alerts with a filter at ${filled.count} alerts: errors`,
      value: errors,
      unit: '',
      target: '= 0',
      ok: errors === 0,
    });
    process.stdout.write(
      formatFigures(
        `API (${quick ? 'quick' : 'full'}; ${workers} serve workers; load average now ${load()})`,
        figures,
      ),
    );
    process.stdout.write('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Exit when done: keep-alive sockets of the load generator must not hold the process open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
