/**
 * `--db` safety: a path that is not Sentinela's own database is refused before a byte is written,
 * so pointing Sentinela at the wrong file can never damage another application's data.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { openSqlite, SENTINELA_APPLICATION_ID } from './sqlite-database.js';
import { SqliteListStore } from './sqlite-list-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-db-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = (name: string) => join(dir, `${++n}-${name}`);
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function foreignSqlite(file: string, applicationId = 0): void {
  const db = new Database(file);
  db.exec(
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')",
  );
  if (applicationId) db.pragma(`application_id = ${applicationId}`);
  db.close();
}

function expectRefusedUnchanged(file: string, message: RegExp): void {
  const before = digest(file);
  let thrown: unknown;
  try {
    openSqlite(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as InputError).file).toBe(file);
  expect((thrown as InputError).message).toMatch(message);
  expect(digest(file)).toBe(before);
  expect(existsSync(`${file}-wal`)).toBe(false);
}

describe('openSqlite on an existing file', () => {
  it('refuses a text file and leaves it unchanged', () => {
    const file = path('customers.csv');
    writeFileSync(file, 'id,name\n1,Joaquin Guzman\n');
    expectRefusedUnchanged(file, /not a SQLite database.*not changed/);
  });

  it("refuses another application's SQLite database (its tables named) and adds no table", () => {
    const file = path('crm.sqlite');
    foreignSqlite(file);
    expectRefusedUnchanged(file, /another application's SQLite database \(tables customers\)/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('refuses a SQLite file with a foreign application id even when it has no tables', () => {
    const file = path('other.sqlite');
    const db = new Database(file);
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (x); DROP TABLE t');
    db.close();
    expectRefusedUnchanged(file, /application_id 1234/);
  });

  it('refuses a corrupt SQLite file', () => {
    const file = path('corrupt.sqlite');
    const header = Buffer.from('SQLite format 3\u0000', 'latin1');
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(4096, 0xab)]));
    expectRefusedUnchanged(file, /cannot be read/);
  });

  it('opens a Sentinela file made before the marker and marks it', () => {
    const file = path('legacy.sqlite');
    const legacy = new Database(file);
    legacy.exec(
      'CREATE TABLE list_versions (id INTEGER PRIMARY KEY AUTOINCREMENT, x); CREATE TABLE reviewed_false_positives (y)',
    );
    legacy.close();
    const db = openSqlite(file);
    expect(db.pragma('application_id', { simple: true })).toBe(SENTINELA_APPLICATION_ID);
    db.close();
  });

  it('creates, marks and reopens a new file; an empty file is a new database', () => {
    const file = path('new.sqlite');
    const created = openSqlite(file);
    new SqliteListStore(created);
    created.close();
    const db = openSqlite(file);
    expect(db.pragma('application_id', { simple: true })).toBe(SENTINELA_APPLICATION_ID);
    db.close();
    const empty = path('empty.sqlite');
    writeFileSync(empty, '');
    openSqlite(empty).close();
  });
});

describe('sentinela --db on a foreign file (process)', () => {
  it('exits 2 with one line naming the file, no stack trace', () => {
    const file = path('crm.sqlite');
    foreignSqlite(file);
    const before = digest(file);
    const repo = resolve(import.meta.dirname, '../../..');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repo, 'src/cli/main.ts'), 'lists', 'list', '--db', file],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^sentinela: error: .*crm\.sqlite: another application's SQLite database/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(digest(file)).toBe(before);
  });
});
