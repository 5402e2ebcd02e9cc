import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { openStores } from '../../store/index.js';
import { runListsCli } from './testing/lists-cli-harness.js';
import { sdn2024, sdnRow, sdnUpdate2025, writeOfacFile } from './testing/lists-cli-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'sentinela-cli-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sentinela lists import', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(root, 'case-'));
    db = join(dir, 'store.sqlite');
  });

  const versionCount = async (): Promise<number> => {
    const stores = await openStores(db);
    try {
      return (await stores.lists.versions()).length;
    } finally {
      await stores.close();
    }
  };

  it('imports an OFAC folder and prints version, list, files, counts by schema, warnings and time', async () => {
    const folder = join(dir, 'ofac');
    mkdirSync(folder);
    writeOfacFile(folder, 'sdn.csv', sdn2024);
    const run = await runListsCli(['import', folder, '--db', db]);
    expect(run.error).toBeUndefined();
    expect(run.out).toMatch(/^imported us-ofac-sdn@1 \(version 1, ofac-csv\)/);
    expect(run.out).toMatch(/files: +sdn\.csv \(\d+ B\)/);
    expect(run.out).toMatch(/read: +3 entities \(Organization 2, Person 1\)/);
    expect(run.out).toMatch(/warnings: +0/);
    expect(run.out).toMatch(/time: +\d+\.\d\d s/);
    const stores = await openStores(db);
    const version = (await stores.lists.latestVersion('us-ofac-sdn'))!;
    expect(version.files[0]?.path).toBe(join(folder, 'sdn.csv'));
    expect((await stores.lists.entity(version.id, '90001'))?.birthDates).toEqual(['1981-10-01']);
    await stores.close();
  });

  it('does not store identical content twice unless --force', async () => {
    const file = writeOfacFile(dir, 'sdn.csv', sdn2024);
    await runListsCli(['import', file, '--db', db]);
    const again = await runListsCli(['import', file, '--db', db]);
    expect(again.out).toMatch(/^unchanged: the content equals us-ofac-sdn@1/);
    expect(await versionCount()).toBe(1);
    const forced = await runListsCli(['import', file, '--db', db, '--force']);
    expect(forced.out).toMatch(/^imported us-ofac-sdn@2/);
    expect(await versionCount()).toBe(2);
  });

  it('--partial applies the files over the latest version', async () => {
    await runListsCli(['import', writeOfacFile(dir, 'sdn.csv', sdn2024), '--db', db]);
    const update = writeOfacFile(dir, 'sdn_update.csv', sdnUpdate2025);
    const run = await runListsCli(['import', update, '--partial', '--db', db, '--json']);
    expect(run.error).toBeUndefined();
    const result = JSON.parse(run.out);
    expect(result.status).toBe('created');
    expect(result.partialUpdate).toEqual({
      baseVersionId: 1,
      added: 1,
      replaced: 1,
      kept: { names: 0, addresses: 0 },
    });
    expect(result.version).toMatchObject({ id: 2, list: 'us-ofac-sdn', entityCount: 4, baseVersionId: 1 });
    expect(result.read).toMatchObject({ entities: 2, bySchema: { Organization: 2 } });
  });

  it('refuses --partial with no version to apply over, and writes nothing', async () => {
    const run = await runListsCli([
      'import',
      writeOfacFile(dir, 'sdn.csv', sdnUpdate2025),
      '--partial',
      '--db',
      db,
    ]);
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(/no stored version of list "us-ofac-sdn"/);
    expect(await versionCount()).toBe(0);
  });

  it('a malformed file names file, line and field, and leaves the store untouched', async () => {
    await runListsCli(['import', writeOfacFile(dir, 'sdn.csv', sdn2024), '--db', db]);
    const broken = writeOfacFile(dir, 'sdn_broken.csv', [
      sdn2024[0]!,
      '11440,"SINALOA CARTEL",-0- ',
      sdn2024[2]!,
    ]);
    const run = await runListsCli(['import', broken, '--db', db]);
    expect(run.error).toBeInstanceOf(InputError);
    const error = run.error as InputError;
    expect(error.file).toBe(broken);
    expect(error.line).toBe(2);
    expect(run.out).toBe('');
    expect(await versionCount()).toBe(1);
  });

  it('bad input never creates the database file', async () => {
    const empty = join(dir, 'sdn.csv');
    writeFileSync(empty, '');
    const run = await runListsCli(['import', empty, '--db', db]);
    expect(run.error?.message).toMatch(/sdn\.csv.*empty/);
    expect(existsSync(db)).toBe(false);
    const missing = await runListsCli(['import', join(dir, 'nope'), '--db', db]);
    expect(missing.error?.message).toMatch(/not found/);
  });

  it('rejects an unknown --format before reading anything', async () => {
    const run = await runListsCli(['import', 'x.csv', '--format', 'pdf', '--db', db]);
    expect(run.error?.message).toMatch(/Allowed choices are ofac-csv, un-xml, uk-sanctions, ftm-json, csv/);
    expect(existsSync(db)).toBe(false);
  });

  it('--list stores under another name', async () => {
    const run = await runListsCli([
      'import',
      writeOfacFile(dir, 'sdn.csv', [sdnRow(1, 'A CO', '', ['SDNTK'])]),
      '--list',
      'mirror-sdn',
      '--db',
      db,
    ]);
    expect(run.out).toMatch(/^imported mirror-sdn@1/);
  });
});
