/**
 * Ongoing monitoring (issue 13): how long `monitor` takes after a weekly OFAC change of about 100
 * entities, for a stored base of 1,000,000 customers (100,000 with --quick). Customers are
 * generated with a seeded RNG from the given and family names of the yente negatives (no list
 * names), so few of them match; the list is the 2024 SDN file. The weekly change is built from
 * real entities: 50 non-SDN entities added, 40 SDN entities changed (a name part dropped from an
 * alias, as a correction would), 10 removed. The base is recorded as monitored against the
 * unchanged version (as a previous nightly run would leave it), then `runMonitor` runs the change.
 * Printed: import (store + customer index) times, the monitor run, customers scored, alerts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Entity, type PartyQuery, seededRandom } from '../../src/core/index.js';
import { readList } from '../../src/lists/index.js';
import { customerIndexFor } from '../../src/services/customer-index-cache.js';
import { runMonitor } from '../../src/services/monitor.js';
import { openStores } from '../../src/store/index.js';
import {
  type BenchOptions,
  type Figure,
  formatFigures,
  isMain,
  log,
  parseBenchArgs,
  readYenteCsv,
  rssMb,
  sanctionsPath,
} from './screening-bench-data.js';

function customers(count: number): PartyQuery[] {
  const random = seededRandom(13);
  const givens: string[] = [];
  const families: string[] = [];
  for (const row of readYenteCsv('negatives_global.csv')) {
    const parts = row.full_name.split(/\s+/).filter((p) => p.length > 1);
    if (parts.length < 2) continue;
    givens.push(parts[0]!);
    families.push(parts[parts.length - 1]!);
  }
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const out: PartyQuery[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const name =
      random() < 0.3
        ? `${pick(givens)} ${pick(givens)} ${pick(families)}`
        : `${pick(givens)} ${pick(families)}`;
    out[i] = { id: `C${i}`, name, schema: 'Person' };
  }
  return out;
}

/** The weekly change: 50 non-SDN entities added, 40 SDN entities corrected, 10 removed. */
function weeklyChange(
  sdn: Entity[],
  nonSdn: Entity[],
): { next: Entity[]; added: number; changed: number; removed: number } {
  const removed = new Set(
    sdn
      .filter((_, i) => i % 1000 === 7)
      .slice(0, 10)
      .map((e) => e.id),
  );
  let changed = 0;
  const next = sdn
    .filter((e) => !removed.has(e.id))
    .map((e, i) => {
      if (i % 300 !== 11 || changed >= 40) return e;
      const alias = e.names.find((n) => n.full.split(' ').length >= 3);
      if (!alias) return e;
      changed++;
      return {
        ...e,
        names: [...e.names, { full: alias.full.split(' ').slice(0, -1).join(' '), kind: 'strong' as const }],
      };
    });
  const added = nonSdn.slice(0, 50).map((e) => ({ ...e, id: `NEW-${e.id}` }));
  return { next: [...next, ...added], added: added.length, changed, removed: removed.size };
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const count = options.quick ? 100_000 : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-monitor-bench-'));
  const figures: Figure[] = [];
  try {
    const sdn = await readList([sanctionsPath('ofac_sdn_2024-05-03')]);
    const nonSdn = await readList([sanctionsPath('ofac_non_sdn_2025-12')]);
    const stores = await openStores(join(dir, 'store.sqlite'));
    const v1 = await stores.lists.saveVersion({
      list: 'us-ofac-sdn',
      format: 'ofac-csv',
      files: [],
      entities: sdn.entities,
    });
    const base = customers(count);
    log(`monitor bench: ${count} customers generated`);
    const storeStarted = performance.now();
    const version = await stores.customers.importBase(
      { path: 'generated', sha256: 'generated', bytes: 0 },
      base,
    );
    const storeSeconds = (performance.now() - storeStarted) / 1000;
    const indexStarted = performance.now();
    await customerIndexFor(stores, version);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    figures.push({
      name: `customers import: store ${count.toLocaleString('en')} customers`,
      value: storeSeconds,
      unit: 's',
      target: '',
      note: 'one transaction',
    });
    figures.push({
      name: 'customers import: build + write the customer name index',
      value: indexSeconds,
      unit: 's',
      target: '',
      note: `once per base version; resident memory ${Math.round(rssMb())} MB`,
    });
    await stores.customers.saveMonitorState({
      customerVersion: version.id,
      lists: { 'us-ofac-sdn': v1.id },
      monitoredAt: new Date().toISOString(),
    });
    const change = weeklyChange(sdn.entities, nonSdn.entities);
    await stores.lists.saveVersion({
      list: 'us-ofac-sdn',
      format: 'ofac-csv',
      files: [],
      entities: change.next,
    });
    await stores.close();

    // The nightly job as a fresh process would run it: open the stores, monitor.
    const loadBefore = loadavg()[0]!;
    const monitorStores = await openStores(join(dir, 'store.sqlite'));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await runMonitor(monitorStores);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    await monitorStores.close();
    figures.push({
      name: `monitor after a weekly change (${change.added} added, ${change.changed} changed, ${change.removed} removed)`,
      value: seconds,
      unit: 's',
      target: count === 1_000_000 ? '<= 10' : '',
      ...(count === 1_000_000 ? { ok: seconds <= 10 } : {}),
      note: `${count.toLocaleString('en')} stored customers; CPU ${cpuSeconds.toFixed(2)} s; ${result.customersScored} scored; ${result.alertsRaised} alerts raised, ${result.alertsClosed} closed; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (isMain(import.meta.url)) {
  const figures = await run(parseBenchArgs());
  process.stdout.write(formatFigures('Ongoing monitoring', figures));
}
