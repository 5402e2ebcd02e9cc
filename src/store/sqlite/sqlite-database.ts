/**
 * Opens the embedded SQLite file every store shares. Each store creates its own tables on open
 * (`CREATE TABLE IF NOT EXISTS`), so a feature brings its schema along with its code.
 *
 * Before anything is written, the file is checked to be Sentinela's own: a `--db` pointing at a
 * spreadsheet, a corrupt file or another application's SQLite database is refused untouched
 * (no tables added, no switch to WAL). Sentinela files carry `PRAGMA application_id`; files made
 * before the marker are recognised by holding only Sentinela's tables and are marked on open.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../../core/input-error.js';

export type SqliteDatabase = Database.Database;

/** Default location when neither `--db` nor `SENTINELA_DB` is given. */
export const defaultDatabasePath = 'sentinela.sqlite';

/** `PRAGMA application_id` of a Sentinela file: the bytes "SNTL". */
export const SENTINELA_APPLICATION_ID = 0x534e544c;

/** Tables of Sentinela files written before the application id existed (recognised, then marked). */
const UNMARKED_SENTINELA_TABLES = new Set([
  'list_versions',
  'list_entities',
  'reviewed_false_positives',
  'list_download_validators',
  'alerts',
]);

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** `--db` wins, then `SENTINELA_DB`, then `./sentinela.sqlite`. */
export function resolveDatabasePath(flag?: string): string {
  return flag ?? process.env.SENTINELA_DB ?? defaultDatabasePath;
}

/**
 * Opens (creating if needed) the Sentinela database at `path`. Throws an InputError naming the file
 * when it exists but is not a Sentinela database; the file is then left exactly as it was.
 *
 * @example
 * const db = openSqlite(resolveDatabasePath(options.db));
 */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    checkExistingFile(path);
  }
  const db = new Database(path);
  try {
    if (db.pragma('application_id', { simple: true }) !== SENTINELA_APPLICATION_ID)
      db.pragma(`application_id = ${SENTINELA_APPLICATION_ID}`);
    // WAL lets a long screening batch read while an import writes; foreign keys keep versions whole.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Refuses, without writing a byte, a file that is not an empty file or a Sentinela database. */
export function checkExistingFile(path: string): void {
  if (!existsSync(path)) return;
  const info = statSync(path);
  if (info.isDirectory())
    throw new InputError('is a folder; --db needs a database file path', { file: path });
  if (info.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
    throw new InputError(
      'not a SQLite database; --db must name a Sentinela database file (or a new path); the file was not changed',
      { file: path },
    );
  }
  let probe: SqliteDatabase | undefined;
  let applicationId: number;
  let tables: string[];
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    applicationId = Number(probe.pragma('application_id', { simple: true }));
    tables = probe
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all()
      .map((r) => r.name);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`SQLite file cannot be read (${why}); the file was not changed`, { file: path });
  } finally {
    probe?.close();
  }
  if (applicationId === SENTINELA_APPLICATION_ID) return;
  const foreign = tables.filter((t) => !UNMARKED_SENTINELA_TABLES.has(t));
  if (applicationId === 0 && foreign.length === 0) return;
  const what =
    applicationId !== 0
      ? `another application's SQLite database (application_id ${applicationId})`
      : `another application's SQLite database (tables ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''})`;
  throw new InputError(
    `${what}, not a Sentinela database; choose another --db path; the file was not changed`,
    { file: path },
  );
}
