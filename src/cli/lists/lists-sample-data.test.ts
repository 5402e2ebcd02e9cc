/** The sample watchlist in `data/sample/` loads with the `lists` command and holds what its README says. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readList } from '../../lists/index.js';
import { runListsCli } from './testing/lists-cli-harness.js';

const sample = resolve(import.meta.dirname, '../../../data/sample');
const dir = mkdtempSync(join(tmpdir(), 'sentinela-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data/sample', () => {
  it('the sample watchlist imports as one version with the FTO cartels of 2025-02-20', async () => {
    const db = join(dir, 'sample.sqlite');
    const run = await runListsCli(['import', join(sample, 'sample-watchlist.csv'), '--db', db, '--json']);
    expect(run.error).toBeUndefined();
    const result = JSON.parse(run.out);
    expect(result.version.list).toBe('sample-watchlist');
    expect(result.warnings).toBe(0);
    expect(result.read.entities).toBeGreaterThanOrEqual(40);
    const list = await readList([join(sample, 'sample-watchlist.csv')]);
    const fto = list.entities.filter((e) => e.programs.includes('FTO')).map((e) => e.names[0]?.full);
    expect(fto.sort()).toEqual(
      [
        'CARTEL DE JALISCO NUEVA GENERACION',
        'CARTEL DEL NORESTE',
        'CARTELES UNIDOS',
        'GULF CARTEL',
        'LA NUEVA FAMILIA MICHOACANA',
        'MS-13',
        'SINALOA CARTEL',
        'TREN DE ARAGUA',
      ].sort(),
    );
    const mencho = list.entities.find((e) => e.id === 'OFAC-SDN-17674');
    expect(mencho?.names.map((n) => n.full)).toContain('El Mencho');
    expect(mencho?.identifiers[0]).toMatchObject({ type: 'curp', value: 'OECR660717HMNSRB00' });
  });

  it('the sample customers are readable as a customer file: ~60 rows, unique ids, names present', async () => {
    const { parse } = await import('csv-parse/sync');
    const { readFileSync } = await import('node:fs');
    const rows = parse(readFileSync(join(sample, 'sample-customers.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'name',
      'schema',
      'birth_date',
      'country',
      'nationality',
      'id_number',
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => r.name && r.name.trim().length > 0)).toBe(true);
  });
});
