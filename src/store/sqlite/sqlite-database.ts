/**
 * Opens the embedded SQLite file every store shares. Each store creates its own tables on open
 * (`CREATE TABLE IF NOT EXISTS`), so a feature brings its schema along with its code.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** Default location when neither `--db` nor `SENTINELA_DB` is given. */
export const defaultDatabasePath = 'sentinela.sqlite';

/** `--db` wins, then `SENTINELA_DB`, then `./sentinela.sqlite`. */
export function resolveDatabasePath(flag?: string): string {
  return flag ?? process.env.SENTINELA_DB ?? defaultDatabasePath;
}

export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets a long screening batch read while an import writes; foreign keys keep versions whole.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
