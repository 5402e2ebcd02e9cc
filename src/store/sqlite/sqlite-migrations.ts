/**
 * The versioned SQLite schema: migrations applied in name order, each in its own transaction and
 * recorded in `sentinela_migrations` (the table and columns Kysely's Migrator keeps on PostgreSQL,
 * so `sentinela db status` reads both alike). better-sqlite3 is synchronous, so the runner is too:
 * opening a file applies what is pending before any store touches it.
 *
 * `0001-baseline` is the schema every release up to and including the one before PostgreSQL
 * (commit cace203) created table by table as stores opened: it runs the stores' own idempotent
 * table setup (CREATE … IF NOT EXISTS, plus the column additions older files need), so it applies
 * to a new file and to a file written by any of those releases alike. Later changes are appended
 * as new migrations; an applied migration is never edited.
 */
import type { SqliteDatabase } from './sqlite-database.js';

export interface SqliteMigration {
  name: string;
  up(db: SqliteDatabase): void;
}

function migrationTable(db: SqliteDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS sentinela_migrations (
    name TEXT PRIMARY KEY,
    timestamp TEXT NOT NULL
  )`);
}

/** Names already applied to `db`, with when (ISO time); empty for a file from before migrations. */
export function appliedSqliteMigrations(db: SqliteDatabase): Map<string, string> {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sentinela_migrations'")
    .get();
  if (!exists) return new Map();
  const rows = db.prepare('SELECT name, timestamp FROM sentinela_migrations ORDER BY name').all() as {
    name: string;
    timestamp: string;
  }[];
  return new Map(rows.map((r) => [r.name, r.timestamp]));
}

/**
 * Applies every migration of `migrations` not yet recorded in `db`, in order, each with its record
 * in one IMMEDIATE transaction (two processes opening one file migrate it once); returns the names
 * applied now.
 *
 * @example
 * migrateSqlite(openSqlite('sentinela.sqlite'), sqliteMigrations);   // ['0001-baseline'], then []
 */
export function migrateSqlite(db: SqliteDatabase, migrations: readonly SqliteMigration[]): string[] {
  // The usual open of an up-to-date file: one read, no write transaction (each IMMEDIATE one takes
  // the write lock and commits, about 3 ms a migration on every command). Anything missing is
  // applied below, where the check is made again inside the lock.
  const recorded = appliedSqliteMigrations(db);
  if (migrations.every((m) => recorded.has(m.name))) return [];
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    const run = db.transaction(() => {
      migrationTable(db);
      if (appliedSqliteMigrations(db).has(migration.name)) return false;
      migration.up(db);
      db.prepare('INSERT INTO sentinela_migrations (name, timestamp) VALUES (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      );
      return true;
    });
    try {
      if (run.immediate()) applied.push(migration.name);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`SQLite migration ${migration.name} failed: ${why}`);
    }
  }
  return applied;
}
