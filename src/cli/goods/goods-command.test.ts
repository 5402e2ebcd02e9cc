import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { openStores } from '../../store/index.js';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as goodsCommand from './goods-command.js';

const repo = join(import.meta.dirname, '../../..');
const sampleOrders = join(repo, 'data/sample/sample-orders.csv');
const sampleRefusals = join(repo, 'data/sample/sample-refusals.csv');
const sampleWatchlist = join(repo, 'data/sample/sample-watchlist.csv');
const shipped = join(repo, 'data/goods/catalog.json');

let dir: string;
let cli: CliSession;

beforeEach(() => ({ dir, cli } = tempCliSession([goodsCommand], ['goods'])));
afterEach(() => {
  process.exitCode = undefined;
});

const sentinela = (...args: string[]) => cli.run(...args);
/** `goods screen --input FILE --output FILE --db DB …`. */
const screenOrders = (input: string, output: string, db: string, ...extra: string[]) =>
  sentinela('screen', '--input', input, '--output', output, '--db', db, ...extra);

function readAlerts(path: string): Array<Record<string, unknown> & { rule: string; line_ids: string[] }> {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('sentinela goods screen', () => {
  it('screens the sample order file end to end on a temp SQLite file, idempotently', async () => {
    const db = join(dir, 'goods.sqlite');
    const out = join(dir, 'alerts.jsonl');
    expect(await screenOrders(sampleOrders, out, db, '--refusals', sampleRefusals)).toBeUndefined();
    const alerts = readAlerts(out);
    const byRule = (r: string) => alerts.filter((a) => a.rule === r).map((a) => a.line_ids.join(','));
    expect(byRule('missing-permit')).toEqual(['S-011', 'S-020']);
    expect(byRule('misdeclaration')).toEqual(['S-012', 'S-013']);
    expect(byRule('cas-check-digit')).toEqual(['S-013']);
    expect(byRule('transshipment')).toEqual(['S-014']);
    expect(byRule('controlled-elsewhere')).toEqual(['S-015', 'S-025']);
    expect(byRule('split-order')).toEqual(['S-016,S-018,S-019']);
    expect(byRule('unit-review')).toEqual(['S-022']);
    expect(byRule('company-shopping')).toEqual(['S-026']);
    // Ordinary lines and look-alikes raise nothing.
    const flagged = new Set(alerts.flatMap((a) => a.line_ids));
    for (const id of [
      'S-001',
      'S-002',
      'S-003',
      'S-004',
      'S-005',
      'S-006',
      'S-007',
      'S-010',
      'S-027',
      'S-029',
      'S-030',
      'S-033',
    ])
      expect(flagged.has(id), id).toBe(false);
    for (const a of alerts) {
      expect(Object.keys(a)).toEqual([
        'id',
        'line_ids',
        'rule',
        'item',
        'lists',
        'severity',
        'evidence',
        'catalog_version',
      ]);
      expect(a.catalog_version).toBe('2026.12.01@1');
    }
    expect(cli.err).toMatch(/33 lines read, 31 accepted, 2 rejected/);
    expect(cli.err).toMatch(/sample-orders.csv:32: field "unit": unknown unit "bbl"/);
    expect(cli.err).toMatch(/sample-orders.csv:33: field "quantity"/);
    expect(cli.err).toMatch(/imported the shipped catalog as 2026.12.01@1/);
    const s2 = await openStores(db);
    expect(await s2.alerts.count({ kind: 'goods' })).toBe(alerts.length);
    await s2.close();
    // A second run stores nothing new.
    cli.err = '';
    expect(
      await screenOrders(sampleOrders, join(dir, 'again.jsonl'), db, '--refusals', sampleRefusals),
    ).toBeUndefined();
    expect(cli.err).toMatch(new RegExp(`alert table: 0 new, ${alerts.length} already stored`));
  });

  it('screens buyers against the watchlists in the store', async () => {
    const db = join(dir, 'goods.sqlite');
    const { runListsCli } = await import('../lists/testing/lists-cli-harness.js');
    expect((await runListsCli(['import', sampleWatchlist, '--db', db])).error).toBeUndefined();
    const out = join(dir, 'alerts.jsonl');
    expect(await screenOrders(sampleOrders, out, db)).toBeUndefined();
    const party = readAlerts(out).filter((a) => a.rule === 'party-risk' && a.line_ids[0] === 'S-021');
    expect(party).toHaveLength(1);
    expect(JSON.stringify(party[0]!.evidence)).toMatch(/MOREXPRESS/);
  });

  it('reads JSON lines and reports bad lines and missing columns by file, line and field', async () => {
    const input = join(dir, 'orders.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({
          line_id: 'J1',
          date: '2026-02-30',
          description: 'Acetone',
          quantity: '1',
          unit: 'kg',
        }),
        JSON.stringify({
          line_id: 'J2',
          date: '2026-02-03',
          description: 'Acetone',
          cas: '67-64-A',
          quantity: '1',
          unit: 'kg',
        }),
        JSON.stringify({
          line_id: 'J3',
          date: '2026-02-03',
          description: 'Acetone',
          hs_code: '29AB',
          quantity: '1',
          unit: 'kg',
        }),
        '{not json',
        JSON.stringify({
          line_id: 'J5',
          date: '2026-02-03',
          description: 'Acetone',
          quantity: '1',
          unit: 'kg',
          origin_country: 'MX',
          ship_to_country: 'MX',
        }),
      ].join('\n'),
    );
    const out = join(dir, 'alerts.jsonl');
    expect(await screenOrders(input, out, join(dir, 'db.sqlite'))).toBeUndefined();
    expect(cli.err).toMatch(/orders.jsonl:1: field "date": "2026-02-30" is not a date/);
    expect(cli.err).toMatch(/orders.jsonl:2: field "cas"/);
    expect(cli.err).toMatch(/orders.jsonl:3: field "hs_code"/);
    expect(cli.err).toMatch(/orders.jsonl:4: not valid JSON/);
    expect(cli.err).toMatch(/5 lines read, 1 accepted, 4 rejected/);
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'line_id,date,description\nL1,2026-01-01,Acetone\n');
    const error = await screenOrders(csv, out, join(dir, 'db.sqlite'));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(/bad.csv:1: field "seller": missing columns seller/);
  });
});

describe('sentinela goods screen: CSV details', () => {
  it('reads quoted cells with commas and line breaks, a BOM and CRLF line ends', async () => {
    const header =
      'line_id,date,seller,buyer,buyer_address,buyer_country,consignee,ship_to_country,via_countries,origin_country,description,cas,hs_code,quantity,unit,permit_ref';
    const input = join(dir, 'quoted.csv');
    writeFileSync(
      input,
      `\ufeff${header}\r\n` +
        `Q1,2026-02-01,Seller,"Buyer, Inc.","Street 1\r\nMonterrey",MX,"Buyer, Inc.",MX,,CN,"Acetic anhydride, 99 %",108-24-7,2915.24,100,kg,\r\n` +
        'Q2,2026-02-01,Seller,Buyer,Street,MX,Buyer,MX,,MX,Ethyl acetate,141-78-6,2915.31,100,kg,\r\n' +
        'Q3,2026-02-01,Seller,Buyer,Street,MX,Buyer,MX\r\n',
    );
    const out = join(dir, 'alerts.jsonl');
    expect(await screenOrders(input, out, join(dir, 'q.sqlite'))).toBeUndefined();
    expect(cli.err).toMatch(/3 lines read, 2 accepted, 1 rejected/);
    expect(cli.err).toMatch(/quoted.csv:5: 8 cells where the header has 16/);
    const alerts = readAlerts(out);
    expect(alerts.map((a) => `${a.line_ids[0]} ${a.rule}`)).toContain('Q1 missing-permit');
  });

  it('names a header whose quoted cell is never closed, instead of calling the file empty', async () => {
    const input = join(dir, 'open-quote.csv');
    writeFileSync(input, 'line_id,"date,seller\nL1,2026-01-01,Seller\n');
    const out = join(dir, 'alerts.jsonl');
    const error = await screenOrders(input, out, join(dir, 'o.sqlite'));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(
      /open-quote.csv:1: the header line opens a quoted cell that is not closed/,
    );
  });
});

describe('sentinela goods screen: refusals', () => {
  it('reads a refusals file all or nothing, naming a bad row', async () => {
    const refusals = join(dir, 'refusals.csv');
    writeFileSync(
      refusals,
      'date,seller,buyer,item\n2026-03-01,Quimicos Globales SA,Quimica Tula SA de CV,Ethylamine\n03/01/2026,X,Y,Acetone\n',
    );
    const error = await screenOrders(
      sampleOrders,
      join(dir, 'a.jsonl'),
      join(dir, 'r.sqlite'),
      '--refusals',
      refusals,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(/refusals.csv:3: field "date": "03\/01\/2026" is not a date/);
  });
});

describe('sentinela goods catalog', () => {
  it('lists the shipped version, imports an edited catalog and shows the difference', async () => {
    const db = join(dir, 'goods.sqlite');
    expect(await sentinela('catalog', 'list', '--db', db)).toBeUndefined();
    expect(cli.out).toMatch(/^2026\.12\.01@1 .* 68 chemicals .*\(shipped\)/);
    const edited = JSON.parse(readFileSync(shipped, 'utf8'));
    edited.version = '2027.01.15';
    const p2p = edited.chemicals.find((c: { id: string }) => c.id === 'p2p-methyl-glycidic-acid');
    p2p.us.list = 'I';
    edited.chemicals.push({
      ...edited.chemicals[0],
      id: 'new-listing-test',
      name: 'Test listing',
      synonyms: [],
      cas: [],
    });
    const file = join(dir, 'catalog-2027.json');
    writeFileSync(file, JSON.stringify(edited));
    cli.out = '';
    expect(await sentinela('catalog', 'import', file, '--db', db)).toBeUndefined();
    expect(cli.out).toMatch(/imported .* as 2027\.01\.15@2 \(69 chemicals/);
    cli.out = '';
    expect(await sentinela('catalog', 'import', file, '--db', db)).toBeUndefined();
    expect(cli.out).toMatch(/identical to 2027\.01\.15@2; no new version/);
    cli.out = '';
    expect(await sentinela('catalog', 'diff', '--db', db)).toBeUndefined();
    expect(cli.out).toMatch(/catalog 1 → 2: 1 added, 0 removed, 1 changed/);
    expect(cli.out).toMatch(/\+ new-listing-test/);
    expect(cli.out).toMatch(/~ p2p-methyl-glycidic-acid us:/);
    // Screening now names the new version.
    const out = join(dir, 'alerts.jsonl');
    const orders = join(dir, 'orders.csv');
    copyFileSync(sampleOrders, orders);
    expect(await screenOrders(orders, out, db)).toBeUndefined();
    expect(readAlerts(out).every((a) => a.catalog_version === '2027.01.15@2')).toBe(true);
  });

  it('refuses an invalid catalog, naming the bad value', async () => {
    const bad = JSON.parse(readFileSync(shipped, 'utf8'));
    bad.chemicals[0].cas = ['108247'];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const error = await sentinela('catalog', 'import', file, '--db', join(dir, 'g.sqlite'));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(/bad.json: goods catalog: chemicals.0.cas.0/);
  });
});
