import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertSchema } from '../../core/alert.js';
import { openStores } from '../../store/index.js';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as reconcileCommand from './reconcile-command.js';

const sample = join(import.meta.dirname, '../../../data/sample');
let dir: string;
let cli: CliSession;

beforeEach(() => ({ dir, cli } = tempCliSession([reconcileCommand], ['reconcile'])));

const sentinela = (...args: string[]) => cli.run(...args);

describe('sentinela reconcile', () => {
  it('writes the sample ledgers’ gaps, stores them as alerts once, and prints the summary', async () => {
    const db = join(dir, 'alerts.sqlite');
    const output = join(dir, 'gaps.jsonl');
    const aggregate = join(dir, 'mirror.csv');
    const args = [
      '--exports',
      join(sample, 'sample-exports.csv'),
      '--imports',
      join(sample, 'sample-imports.csv'),
      '--output',
      output,
      '--db',
      db,
    ];
    expect(await sentinela(...args, '--aggregate', aggregate)).toBeUndefined();
    const gaps = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(gaps.map((g) => [g.kind, g.export_ids, g.import_ids]).sort()).toEqual(
      [
        ['end-user-mismatch', ['SX-1009'], ['SM-2009']],
        ['never-exported', [], ['SM-2011']],
        ['never-imported', ['SX-1006'], []],
        ['quantity-gap', ['SX-1007'], ['SM-2007']],
        ['re-routing', ['SX-1010'], ['SM-2010']],
        ['value-gap', ['SX-1008'], ['SM-2008']],
      ].sort(),
    );
    for (const g of gaps)
      expect(Object.keys(g)).toEqual([
        'id',
        'kind',
        'export_ids',
        'import_ids',
        'score',
        'severity',
        'evidence',
      ]);
    expect(cli.err).toMatch(/sample-exports\.csv: 20 rows read, 20 accepted, 0 rejected/);
    expect(cli.err).toMatch(
      /matched 19 exports with 19 imports in 18 groups \(1 split on arrival, 1 consolidated\)/,
    );
    expect(cli.err).toMatch(
      /6 gaps \(never-imported 1, never-exported 1, quantity-gap 1, value-gap 1, end-user-mismatch 1, re-routing 1\)/,
    );
    expect(cli.err).toMatch(/alerts: 6 stored, 0 already stored/);
    expect(readFileSync(aggregate, 'utf8').split('\n')[0]).toMatch(
      /^exporter_country,importer_country,hs6,month,/,
    );

    cli.err = '';
    expect(await sentinela(...args)).toBeUndefined();
    expect(cli.err).toMatch(/alerts: 0 stored, 6 already stored/);
    const stores = await openStores(db);
    try {
      const page = await stores.alerts.list({ kind: 'reconcile' });
      expect(page.alerts).toHaveLength(6);
      for (const a of page.alerts) expect(AlertSchema.safeParse(a).success).toBe(true);
      const ids = new Set(gaps.map((g) => g.id));
      expect(page.alerts.every((a) => ids.has(a.id))).toBe(true);
      expect(page.alerts[0]!.sources).toEqual([
        {
          name: expect.stringMatching(/sample-exports\.csv$/),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        {
          name: expect.stringMatching(/sample-imports\.csv$/),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        { name: 'goods catalog', version: expect.stringMatching(/@1$/) },
      ]);
    } finally {
      await stores.close();
    }
  });

  it('reports rejected rows with file, line and field and still reconciles the rest', async () => {
    const exports = join(dir, 'e.csv');
    const imports = join(dir, 'i.csv');
    const rejects = join(dir, 'rejects.jsonl');
    writeFileSync(
      exports,
      [
        'record_id,date,exporter,importer,destination_country,hs_code,quantity,unit,value,currency',
        'E1,2025-01-05,Acme Inc,Nube SA de CV,MX,85423100,10,units,1000,USD',
        'E2,2025-13-05,Acme Inc,Nube SA de CV,MX,85423100,10,units,1000,USD',
        'E1,2025-01-06,Acme Inc,Nube SA de CV,MX,85423100,10,units,1000,USD',
      ].join('\n'),
    );
    writeFileSync(
      imports,
      [
        'record_id,date,importer,exporter,origin_country,hs_code,quantity,unit,value,currency,value_basis',
        'I1,2025-01-15,Nube SA de CV,Acme Inc,US,85423101,10,pcs,1100,USD,CIF',
        'I2,2025-01-15,Nube SA de CV,Acme Inc,US,85423101,10,pcs,1100,EUROS,CIF',
      ].join('\n'),
    );
    const error = await sentinela(
      '--exports',
      exports,
      '--imports',
      imports,
      '--output',
      join(dir, 'g.jsonl'),
      '--no-store',
      '--rejects',
      rejects,
      '--json',
    );
    expect(error).toBeUndefined();
    expect(cli.err).toMatch(/e\.csv:3: field "date": "2025-13-05" is not a calendar date/);
    expect(cli.err).toMatch(/e\.csv:4: field "record_id": duplicate record id "E1"/);
    expect(cli.err).toMatch(/i\.csv:3: field "currency": unknown currency "EUROS"/);
    const summary = JSON.parse(cli.out);
    expect(summary.exports).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(summary.imports).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(summary.matched).toMatchObject({ exports: 1, imports: 1 });
    expect(
      readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).line),
    ).toEqual([3, 4, 3]);
  });

  it('refuses a ledger without its columns, and bad flags, with a clear message', async () => {
    const exports = join(dir, 'e.csv');
    writeFileSync(exports, 'record_id,date\nE1,2025-01-01\n');
    const error = await sentinela(
      '--exports',
      exports,
      '--imports',
      join(sample, 'sample-imports.csv'),
      '--no-store',
      '--output',
      join(dir, 'g.jsonl'),
    );
    expect(error?.message).toMatch(/e\.csv:1: the export ledger lacks column\(s\) exporter, importer/);
    const flag = await sentinela('--exports', exports, '--imports', exports, '--gap-z', 'high', '--no-store');
    expect(flag?.message).toMatch(/--gap-z must be a number/);
  });
});
