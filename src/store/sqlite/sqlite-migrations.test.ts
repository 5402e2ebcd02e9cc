/**
 * A database file written by the release before versioned migrations (commit cace203, see
 * test/fixtures/sqlite/SOURCES.md) opens with this release: `db status` sees its migration pending,
 * opening applies it, and everything the old release stored reads back, audit chain intact.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../services/audit-verify.js';
import { migrateSchema, openStores, schemaStatus } from '../index.js';
import { openSqlite } from './sqlite-database.js';
import { sqliteMigrations } from './sqlite-migration-list.js';
import { migrateSqlite } from './sqlite-migrations.js';

const fixture = join(import.meta.dirname, '../../../test/fixtures/sqlite/release-cace203.sqlite');

describe('SQLite schema migrations', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentinela-migrate-'));
    path = join(dir, 'old.sqlite');
    copyFileSync(fixture, path);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a file of the previous release, migrates it and reads back all it held', async () => {
    const before = await schemaStatus(path);
    expect(before.backend).toBe('sqlite');
    expect(before.migrations.map((m) => [m.name, m.appliedAt])).toEqual(
      sqliteMigrations.map((m) => [m.name, undefined]),
    );

    const stores = await openStores(path);
    try {
      const [version] = await stores.lists.latestVersions();
      expect(version).toMatchObject({ id: 1, list: 'sample-watchlist', entityCount: 43 });
      expect(await stores.lists.entities(1)).toHaveLength(43);
      expect(await stores.alerts.count()).toBe(22);
      expect(await stores.alerts.count({ listVersion: 'sample-watchlist@1' })).toBe(22);
      expect((await stores.customers.latestBase())?.customerCount).toBe(62);
      expect(await stores.users.get('ana')).toMatchObject({ role: 'analyst', disabled: false });
      expect(await stores.tokens.list({ userName: 'ana' })).toHaveLength(1);
      const audit = await verifyAudit(stores);
      expect(audit.ok).toBe(true);
      expect((await stores.audit.head()).count).toBe(3);
      // The migrated file takes new writes as usual.
      await stores.audit.append({
        actor: 'local:test',
        action: 'test.write',
        target: 'x',
        before: null,
        after: {},
      });
      expect((await verifyAudit(stores)).ok).toBe(true);
    } finally {
      await stores.close();
    }

    const after = await schemaStatus(path);
    expect(after.migrations.every((m) => m.appliedAt !== undefined)).toBe(true);
    expect((await migrateSchema(path)).applied).toEqual([]);
  });

  it('applies each migration once, also when two openers race', () => {
    const one = openSqlite(path);
    const two = openSqlite(path);
    try {
      const applied = [migrateSqlite(one, sqliteMigrations), migrateSqlite(two, sqliteMigrations)];
      expect(applied.flat()).toEqual(sqliteMigrations.map((m) => m.name));
    } finally {
      one.close();
      two.close();
    }
  });

  it('names the failing migration and leaves nothing of it behind', () => {
    const db = openSqlite(path);
    try {
      const broken = [
        {
          name: '9999-broken',
          up(d: typeof db) {
            d.exec('CREATE TABLE half_done (x INTEGER)');
            throw new Error('disk on fire');
          },
        },
      ];
      expect(() => migrateSqlite(db, broken)).toThrow(/9999-broken failed: disk on fire/);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
