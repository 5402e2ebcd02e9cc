/**
 * `sentinela db migrate|status` on whichever backend a location names: the pending and applied
 * schema migrations of the SQLite file or the PostgreSQL schema. Status only reads; migrate
 * applies what is pending (the same as any command opening the stores would do on start).
 */
import { existsSync } from 'node:fs';
import { isPostgresUrl, redactUrl } from './postgres/postgres-url.js';

export interface MigrationStatus {
  name: string;
  /** When it was applied (ISO time); absent while pending. */
  appliedAt?: string;
}

export interface SchemaReport {
  backend: 'sqlite' | 'postgres';
  /** The file path, or the URL without its password. */
  location: string;
  migrations: MigrationStatus[];
}

/**
 * Every migration this release knows for the backend at `location`, applied or pending; changes
 * nothing (a SQLite file that does not exist yet shows all pending).
 *
 * @example
 * const { migrations } = await schemaStatus('postgres://127.0.0.1/sentinela');
 */
export async function schemaStatus(location: string): Promise<SchemaReport> {
  if (isPostgresUrl(location)) {
    const { openPostgres } = await import('./postgres/postgres-database.js');
    const { postgresMigrationStatus } = await import('./postgres/postgres-migrations.js');
    const db = await openPostgres(location, { createSchema: false });
    try {
      return {
        backend: 'postgres',
        location: redactUrl(location),
        migrations: await postgresMigrationStatus(db),
      };
    } finally {
      await db.destroy();
    }
  }
  const { sqliteMigrations } = await import('./sqlite/sqlite-migration-list.js');
  const { appliedSqliteMigrations } = await import('./sqlite/sqlite-migrations.js');
  let applied = new Map<string, string>();
  if (location !== ':memory:' && existsSync(location)) {
    const { checkExistingFile } = await import('./sqlite/sqlite-database.js');
    checkExistingFile(location);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(location, { readonly: true, fileMustExist: true });
    try {
      applied = appliedSqliteMigrations(db);
    } finally {
      db.close();
    }
  }
  return {
    backend: 'sqlite',
    location,
    migrations: sqliteMigrations.map((m) => ({
      name: m.name,
      ...(applied.has(m.name) && { appliedAt: applied.get(m.name) }),
    })),
  };
}

/**
 * Applies every pending migration at `location` (creating the SQLite file or PostgreSQL schema if
 * needed); returns the names applied now, empty when the schema was up to date.
 *
 * @example
 * const { applied } = await migrateSchema('sentinela.sqlite');
 */
export async function migrateSchema(
  location: string,
): Promise<{ backend: SchemaReport['backend']; applied: string[] }> {
  if (isPostgresUrl(location)) {
    const { openPostgres } = await import('./postgres/postgres-database.js');
    const { migratePostgres } = await import('./postgres/postgres-migrations.js');
    const db = await openPostgres(location);
    try {
      return { backend: 'postgres', applied: await migratePostgres(db) };
    } finally {
      await db.destroy();
    }
  }
  const { openSqlite } = await import('./sqlite/sqlite-database.js');
  const { migrateSqlite } = await import('./sqlite/sqlite-migrations.js');
  const { sqliteMigrations } = await import('./sqlite/sqlite-migration-list.js');
  const db = openSqlite(location);
  try {
    return { backend: 'sqlite', applied: migrateSqlite(db, sqliteMigrations) };
  } finally {
    db.close();
  }
}
