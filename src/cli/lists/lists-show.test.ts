import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../shared/cli-errors.js';
import { runListsCli } from './testing/lists-cli-harness.js';
import { sdn2024, sdnUpdate2025, writeOfacFile } from './testing/lists-cli-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-cli-show-'));
const db = join(dir, 'store.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await runListsCli(['import', writeOfacFile(dir, 'sdn.csv', sdn2024), '--db', db]);
  await runListsCli(['import', writeOfacFile(dir, 'sdn_update.csv', sdnUpdate2025), '--partial', '--db', db]);
});

describe('sentinela lists list', () => {
  it('prints one row per version with its entities and files', async () => {
    const run = await runListsCli(['list', '--db', db]);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id +list +imported +published +entities +partial +files$/);
    expect(lines[1]).toMatch(/^ *1 +us-ofac-sdn +\d{4}-\d\d-\d\d \d\d:\d\d UTC +- +3 +sdn\.csv$/);
    expect(lines[2]).toMatch(/^ *2 +us-ofac-sdn .* 4 +on 1 +sdn\.csv, sdn_update\.csv$/);
  });

  it('--json gives the versions', async () => {
    const versions = JSON.parse((await runListsCli(['list', '--db', db, '--json'])).out);
    expect(versions.map((v: { id: number; entityCount: number }) => [v.id, v.entityCount])).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('says so when the database does not exist, without creating it', async () => {
    const run = await runListsCli(['list', '--db', join(dir, 'absent.sqlite')]);
    expect(run.error).toBeInstanceOf(CliError);
    expect(run.error?.message).toMatch(/no database at .*absent\.sqlite/);
  });
});

describe('sentinela lists show', () => {
  it("shows a version's summary by id, LIST@ID, or list name", async () => {
    const byName = await runListsCli(['show', 'us-ofac-sdn', '--db', db]);
    expect(byName.out).toMatch(/^us-ofac-sdn@2\n/);
    expect(byName.out).toMatch(/entities: +4 \(Organization 3, Person 1\)/);
    expect(byName.out).toMatch(/programs: +SDNTK 4, .*FTO 1/);
    expect(byName.out).toMatch(/partial: +update applied over version 1/);
    expect(byName.out).toMatch(/sdn_update\.csv/);
    expect((await runListsCli(['show', '1', '--db', db])).out).toMatch(/^us-ofac-sdn@1\n/);
    expect((await runListsCli(['show', 'us-ofac-sdn@1', '--db', db])).out).toMatch(/entities: +3/);
  });

  it("shows one entity's full record", async () => {
    const run = await runListsCli(['show', 'us-ofac-sdn@2', '11440', '--db', db]);
    expect(run.out).toMatch(/^11440 +SINALOA CARTEL\n/);
    expect(run.out).toMatch(/programs +SDNTK, FTO, SDGT, ILLICIT-DRUGS-EO14059/);
    expect(run.out).toMatch(/CARTEL DE SINALOA +\((weak|strong)\)/);
    const json = JSON.parse((await runListsCli(['show', '1', '90001', '--db', db, '--json'])).out);
    expect(json.version).toBe('us-ofac-sdn@1');
    expect(json.entity).toMatchObject({ id: '90001', schema: 'Person', birthDates: ['1981-10-01'] });
  });

  it('names what is missing: version, list, entity', async () => {
    const noVersion = await runListsCli(['show', '9', '--db', db]);
    expect(noVersion.error?.message).toMatch(/no version 9 in the store; newest versions: us-ofac-sdn@2/);
    const noList = await runListsCli(['show', 'un-sc', '--db', db]);
    expect(noList.error?.message).toMatch(/no list named "un-sc" in the store; lists: us-ofac-sdn/);
    const wrongList = await runListsCli(['show', 'un-sc@1', '--db', db]);
    expect(wrongList.error?.message).toMatch(/version 1 belongs to list us-ofac-sdn, not un-sc/);
    const noEntity = await runListsCli(['show', '1', '90002', '--db', db]);
    expect(noEntity.error?.message).toBe('no entity "90002" in us-ofac-sdn@1');
    expect(noEntity.out).toBe('');
  });
});

describe('sentinela lists diff', () => {
  it('shows the counts first, then added and changed entities with their changed fields', async () => {
    const run = await runListsCli(['diff', '1', '2', '--db', db]);
    expect(run.error).toBeUndefined();
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('us-ofac-sdn@1 → us-ofac-sdn@2');
    expect(lines[1]).toBe('  1 added, 0 removed, 1 changed, 2 unchanged');
    expect(run.out).toContain('  + 90002  FRENTE PRUEBA S.A. DE C.V.  [Organization]  SDNTK');
    expect(run.out).toMatch(/~ 11440 +SINALOA CARTEL +\[Organization\]\n +programs:\n +\+ FTO\n +\+ SDGT\n/);
  });

  it('a list name alone diffs its two newest versions; LIST@ID works too', async () => {
    const byName = await runListsCli(['diff', 'us-ofac-sdn', '--db', db]);
    const byRef = await runListsCli(['diff', 'us-ofac-sdn@1', 'us-ofac-sdn@2', '--db', db]);
    expect(byName.out).toBe(byRef.out);
    // Reversed: what was added now shows as removed.
    const reversed = await runListsCli(['diff', '2', '1', '--db', db]);
    expect(reversed.out).toMatch(/0 added, 1 removed, 1 changed/);
  });

  it('--json gives the whole diff; --limit cuts each section', async () => {
    const json = JSON.parse((await runListsCli(['diff', '1', '2', '--db', db, '--json'])).out);
    expect(json.counts).toEqual({ added: 1, removed: 0, changed: 1, unchanged: 2 });
    expect(json.changed[0].fields[0]).toMatchObject({
      field: 'programs',
      added: ['FTO', 'SDGT'],
      removed: [],
    });
    expect(json.from.label).toBe('us-ofac-sdn@1');
    const limited = await runListsCli(['diff', '1', '2', '--db', db, '--limit', '0']);
    expect(limited.out).toContain('… and 1 more (use --limit or --json)');
    expect(limited.out).not.toContain('90002');
  });

  it('refuses one version alone and a bad --limit', async () => {
    expect((await runListsCli(['diff', '1', '--db', db])).error?.message).toMatch(/give two versions/);
    expect((await runListsCli(['diff', '1', '2', '--limit', 'x', '--db', db])).error?.message).toMatch(
      /whole number/,
    );
  });
});
