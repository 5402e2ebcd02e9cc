/**
 * `customers import` then `monitor` as the nightly job runs them, on a real SQLite file: the first
 * run screens the whole base; later runs score only the customers the added or changed entities
 * point at, raise alerts for new matches only, close the alerts of removed entities, and honour
 * reviewed false positives. A bad customer file stores nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Entity, InputError } from '../../core/index.js';
import { entityContentHash, reviewQueryKey } from '../../screening/index.js';
import type { MonitorResult } from '../../services/monitor.js';
import { openStores } from '../../store/index.js';
import * as customersCommand from '../customers/customers-command.js';
import { cliRunner } from '../shared/testing/run-cli.js';
import * as monitorCommand from './monitor-command.js';

let dir: string;
let db: string;

/** Runs `sentinela …` (customers and monitor) in-process: what it writes, or a rejection with what it threw. */
const run = cliRunner([customersCommand, monitorCommand]);

async function monitor(): Promise<MonitorResult> {
  return JSON.parse((await run('monitor', '--db', db, '--json')).out) as MonitorResult;
}

function person(id: string, full: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    schema: 'Person',
    names: [{ full, kind: 'primary' }],
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    programs: ['SDNTK'],
    links: [],
    attributes: {},
    ...extra,
  };
}

const guzman = person('E1', 'GUZMAN LOERA, Joaquin');
const acme = { ...person('E2', 'PRECURSORES DEL PACIFICO S.A. DE C.V.'), schema: 'Company' as const };
const ramirez = person('E3', 'RAMIREZ SOTO, Ernesto Javier');
const lopez = person('E4', 'LOPEZ CASTRO, Maria Fernanda');

async function saveList(entities: Entity[]): Promise<void> {
  const stores = await openStores(db);
  try {
    await stores.lists.saveVersion({ list: 'test-sdn', format: 'csv', files: [], entities });
  } finally {
    await stores.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-monitor-'));
  db = join(dir, 'store.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sentinela customers import + monitor', () => {
  it('rejects a customer file with a bad row and stores nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,name,birth_date\nC1,Juan Perez,1970\nC2,,1980\n');
    const error = await run('customers', 'import', bad, '--db', db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: bad, line: 3, field: 'name' });
    const stores = await openStores(db);
    expect(await stores.customers.versions()).toEqual([]);
    await stores.close();
  });

  it('screens the whole base first, then only what changed', async () => {
    await saveList([guzman, acme]);
    const customers = join(dir, 'customers.csv');
    const rows = ['id,name,schema,birth_date'];
    rows.push('C1,Joaquin Guzman Loera,Person,', 'C2,Maria Fernanda Lopez Castro,Person,');
    rows.push('C3,Ernesto Javier Ramirez Soto,Person,', 'C4,Precursores del Pacifico SA de CV,Company,');
    for (let i = 0; i < 300; i++) rows.push(`N${i},Customer ${i} Name${i} Other${i % 17},Person,`);
    writeFileSync(customers, `${rows.join('\n')}\n`);
    const imported = await run('customers', 'import', customers, '--db', db);
    expect(imported.out).toMatch(/imported customer base 1: 304 customers/);

    const first = await monitor();
    expect(first).toMatchObject({
      mode: 'whole-base',
      customersScored: 304,
      alertsRaised: 2,
      alertsClosed: 0,
    });

    // The next list version adds Ramirez and Lopez, removes the company, keeps Guzman unchanged.
    const stores = await openStores(db);
    await stores.reviews.record({
      queryKey: reviewQueryKey({ name: 'Maria Fernanda Lopez Castro', schema: 'Person' }),
      queryName: 'Maria Fernanda Lopez Castro',
      list: 'test-sdn',
      entityId: 'E4',
      entityHash: entityContentHash(lopez),
      analyst: 'ana',
      reason: 'different person: date of birth differs',
    });
    await stores.close();
    await saveList([guzman, ramirez, lopez]);
    const second = await monitor();
    expect(second).toMatchObject({
      mode: 'changes',
      lists: [{ list: 'test-sdn', from: 1, to: 2, added: 2, changed: 0, removed: 1 }],
      alertsRaised: 1,
      alertsClosed: 1,
    });
    // Only the customers the two new entities point at were scored, not the whole base.
    expect(second.customersScored).toBeGreaterThan(0);
    expect(second.customersScored).toBeLessThan(20);

    const check = await openStores(db);
    const open = await check.alerts.list({ kind: 'screening', status: 'open' });
    expect(open.alerts.map((a) => a.subject).sort()).toEqual(['C1', 'C3']);
    expect((await check.alerts.list({ status: 'closed' })).alerts.map((a) => a.subject)).toEqual(['C4']);
    await check.close();

    // Nothing changed: nothing scored, nothing raised.
    expect(await monitor()).toMatchObject({
      mode: 'changes',
      lists: [],
      customersScored: 0,
      alertsRaised: 0,
    });

    // A changed entity that still matches an alerted customer raises nothing new.
    await saveList([
      { ...guzman, names: [...guzman.names, { full: 'EL CHAPO', kind: 'weak' }] },
      ramirez,
      lopez,
    ]);
    expect(await monitor()).toMatchObject({
      lists: [{ added: 0, changed: 1, removed: 0 }],
      alertsRaised: 0,
      alertsAlreadyRaised: 1,
    });
  });

  it('says what to do when there is no customer base', async () => {
    const empty = join(dir, 'empty.sqlite');
    await expect(run('monitor', '--db', empty)).rejects.toThrow(/customers import/);
  });
});
