/**
 * The import guards every entry point shares: a full publication far smaller than the version it
 * replaces is refused with the counts (a 3-row sdn.csv must not replace 14,965 entities with exit
 * 0), and imports racing on one store serialise — in one process and across two real processes —
 * so no partial update is lost and identical content is never stored twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema, InputError, type ParsedList } from '../core/index.js';
import { openStores } from '../store/index.js';
import { importListVersion } from './import-list-version.js';

const org = (id: string, name: string, programs: string[] = []): Entity =>
  EntitySchema.parse({ id, schema: 'Organization', names: [{ full: name, kind: 'primary' }], programs });

const parsed = (entities: Entity[], extra: Partial<ParsedList> = {}): ParsedList => ({
  list: 'us-ofac-sdn',
  format: 'ofac-csv',
  files: [{ path: 'sdn.csv', sha256: '00', bytes: 1 }],
  partial: false,
  entities,
  warnings: [],
  ...extra,
});

const many = (n: number) => Array.from({ length: n }, (_, i) => org(String(i + 1), `ENTITY ${i + 1}`));

describe('shrink guard', () => {
  it('refuses a full publication with under half the entities, naming both counts', async () => {
    const stores = await openStores(':memory:');
    await importListVersion(stores.lists, parsed(many(20)));
    const error = await importListVersion(stores.lists, parsed(many(3))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      /^sdn\.csv: holds 3 entities where version 1 of us-ofac-sdn has 20 \(15\.0 %, under 50 %\).*--allow-shrink/,
    );
    expect((await stores.lists.versions()).length).toBe(1);
    const allowed = await importListVersion(stores.lists, parsed(many(3)), { allowShrink: true });
    expect(allowed.status).toBe('created');
    await stores.close();
  });

  it('never applies to a partial update, and lets a list shrink a little', async () => {
    const stores = await openStores(':memory:');
    await importListVersion(stores.lists, parsed(many(20)));
    expect(
      (await importListVersion(stores.lists, parsed([org('1', 'CHANGED')], { partial: true }))).status,
    ).toBe('created');
    expect((await importListVersion(stores.lists, parsed(many(12)))).status).toBe('created');
    await stores.close();
  });
});

describe('racing imports on one store', () => {
  it('serialise in one process: both partial updates land, identical content is stored once', async () => {
    const stores = await openStores(':memory:');
    await importListVersion(stores.lists, parsed(many(5)));
    const a = parsed([org('1', 'ENTITY 1', ['FTO'])], { partial: true });
    const b = parsed([org('2', 'ENTITY 2', ['SDGT'])], { partial: true });
    await Promise.all([importListVersion(stores.lists, a), importListVersion(stores.lists, b)]);
    const latest = (await stores.lists.latestVersion('us-ofac-sdn'))!;
    const entities = await stores.lists.entities(latest.id);
    expect(entities.find((e) => e.id === '1')?.programs).toEqual(['FTO']);
    expect(entities.find((e) => e.id === '2')?.programs).toEqual(['SDGT']);
    const same = parsed(many(7));
    const outcomes = await Promise.all([1, 2, 3].map(() => importListVersion(stores.lists, same)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'unchanged', 'unchanged']);
    await stores.close();
  });

  it('serialise across two processes: no partial update is lost', async () => {
    const repo = resolve(import.meta.dirname, '../..');
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-race-'));
    const row = (id: number, name: string, program: string) =>
      `${id},"${name}",-0- ,"${program}",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`;
    const base = join(dir, 'sdn.csv');
    writeFileSync(base, [1, 2, 3, 4].map((i) => row(i, `ENTITY ${i}`, 'SDNTK')).join(''));
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
          cwd: repo,
          env: { ...process.env, NO_COLOR: '1' },
        });
        let err = '';
        child.stderr.on('data', (d) => {
          err += String(d);
        });
        child.on('close', (code) => done({ code, err }));
      });
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `race-${round}.sqlite`);
      expect((await run('lists', 'import', base, '--db', db)).code).toBe(0);
      const updates = [1, 2].map((i) => {
        const file = join(dir, `sdn_update_${round}_${i}.csv`);
        writeFileSync(file, row(i, `ENTITY ${i}`, `SDNTK] [ROUND${round}-${i}`));
        return file;
      });
      const results = await Promise.all(
        updates.map((u) => run('lists', 'import', u, '--partial', '--db', db)),
      );
      expect(
        results.map((r) => r.code),
        results.map((r) => r.err).join('\n'),
      ).toEqual([0, 0]);
      const stores = await openStores(db);
      const latest = (await stores.lists.latestVersion('us-ofac-sdn'))!;
      const entities = await stores.lists.entities(latest.id);
      expect(entities.find((e) => e.id === '1')?.programs).toContain(`ROUND${round}-1`);
      expect(entities.find((e) => e.id === '2')?.programs).toContain(`ROUND${round}-2`);
      expect((await stores.lists.versions()).length).toBe(3);
      await stores.close();
    }
  }, 120_000);
});
