/**
 * The store benchmark (`npm run bench:store [-- --quick]`): the same store operations on the
 * embedded SQLite file and on PostgreSQL (127.0.0.1:5432, or SENTINELA_TEST_PG; a fresh schema,
 * dropped after), with the PostgreSQL / SQLite ratio measured in the same run — so a team moving
 * to the server tier knows what a list import, an alert batch, a page of the queue, a session check
 * and an audit append cost there. Synthetic rows (no evaluation data involved).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Alert, EntitySchema, type Stores } from '../../src/core/index.js';
import { openPostgresStores } from '../../src/store/postgres/postgres-stores.js';
import {
  dropTestSchema,
  freshTestSchema,
  postgresAnswers,
  testPostgresUrl,
} from '../../src/store/postgres/postgres-test-schema.js';
import { openSqliteStores } from '../../src/store/sqlite/sqlite-stores.js';

const quick = process.argv.includes('--quick');
const entityCount = quick ? 5_000 : 15_000;
const alertCount = quick ? 10_000 : 50_000;
const reads = quick ? 500 : 2_000;
const appends = quick ? 100 : 500;

type Figures = Record<string, { value: number; unit: string }>;

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

function alert(i: number): Alert {
  return {
    id: `screening-bench-${String(i).padStart(7, '0')}`,
    kind: 'screening',
    subject: `customer-${i % 5000}`,
    rule: { name: 'name-match', version: '6' },
    score: 0.7 + (i % 300) / 1000,
    severity: i % 10 === 0 ? 'high' : 'medium',
    evidence: { summary: 'bench alert', data: { i } },
    sources: [{ name: 'us-ofac-sdn', version: '1' }],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  };
}

async function measure(stores: Stores): Promise<Figures> {
  const entities = Array.from({ length: entityCount }, (_, i) =>
    EntitySchema.parse({
      id: String(10_000 + i),
      schema: i % 2 ? 'Person' : 'Organization',
      names: [{ full: `BENCH TRADING ${i} LIMITED`, kind: 'primary' }],
      programs: ['SDNTK'],
    }),
  );
  const figures: Figures = {};
  const importS = await timed(async () => {
    await stores.lists.saveVersion({ list: 'us-ofac-sdn', format: 'ofac-csv', files: [], entities });
  });
  figures['list import (entities/s)'] = { value: entityCount / importS, unit: 'entities/s' };
  const alertsS = await timed(async () => {
    for (let from = 0; from < alertCount; from += 1000)
      await stores.alerts.append(Array.from({ length: 1000 }, (_, k) => alert(from + k)));
  });
  figures['alert append, batches of 1,000 (alerts/s)'] = { value: alertCount / alertsS, unit: 'alerts/s' };
  let pages = 0;
  const pageS = await timed(async () => {
    let cursor: string | undefined;
    do {
      const page = await stores.alerts.list({
        status: 'open',
        sort: 'score',
        limit: 100,
        ...(cursor && { cursor }),
      });
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 200);
  });
  figures['alert queue page of 100 by score (ms/page)'] = { value: (pageS * 1000) / pages, unit: 'ms' };
  const versionS = await timed(async () => {
    await stores.alerts.list({ listVersion: 'us-ofac-sdn@1', limit: 100 });
  });
  figures['alerts of one list version, first page (ms)'] = { value: versionS * 1000, unit: 'ms' };
  const at = new Date().toISOString();
  await stores.sessions.add({
    idHash: 'bench',
    userName: 'ana',
    csrfToken: 'c',
    createdAt: at,
    lastSeenAt: at,
  });
  const sessionS = await timed(async () => {
    for (let i = 0; i < reads; i++) await stores.sessions.get('bench');
  });
  figures['session check (reads/s, one at a time)'] = { value: reads / sessionS, unit: 'reads/s' };
  const auditS = await timed(async () => {
    for (let i = 0; i < appends; i++)
      await stores.audit.append({
        actor: 'bench',
        action: 'bench.append',
        target: `x:${i}`,
        before: null,
        after: { i },
      });
  });
  figures['audit append (entries/s, sealed one at a time)'] = { value: appends / auditS, unit: 'entries/s' };
  return figures;
}

async function main(): Promise<void> {
  process.stdout.write(
    `store benchmark${quick ? ' (quick)' : ''}: ${entityCount} entities, ${alertCount} alerts, ${reads} session reads, ${appends} audit appends; load average ${load()}\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-store-'));
  let sqlite: Figures;
  const sqliteStores = openSqliteStores(join(dir, 'bench.sqlite'));
  try {
    sqlite = await measure(sqliteStores);
  } finally {
    await sqliteStores.close();
    rmSync(dir, { recursive: true, force: true });
  }
  let postgres: Figures | undefined;
  if (await postgresAnswers()) {
    const schema = freshTestSchema();
    const pgStores = await openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
    try {
      postgres = await measure(pgStores);
    } finally {
      await pgStores.close();
      await dropTestSchema(schema);
    }
  } else process.stdout.write(`PostgreSQL: skipped, nothing answers at ${new URL(testPostgresUrl).host}\n`);
  const rows = Object.entries(sqlite).map(([name, s]) => {
    const p = postgres?.[name];
    const ratio = p ? (p.value / s.value).toPrecision(3) : '-';
    return `${name.padEnd(48)} sqlite ${s.value.toFixed(s.unit === 'ms' ? 2 : 0).padStart(9)}   postgres ${p ? p.value.toFixed(p.unit === 'ms' ? 2 : 0).padStart(9) : '        -'}   postgres/sqlite ${ratio}`;
  });
  process.stdout.write(
    `${rows.join('\n')}\n(rates: higher is better; ms: lower is better)\nload average after: ${load()}\n`,
  );
}

await main();
