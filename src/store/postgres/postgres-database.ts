/**
 * Opens the PostgreSQL server database every store shares: one `pg` Pool, created here (the store
 * opener) and handed to Kysely, never imported by an engine. The first connection is retried with
 * backoff, because a server tier often starts before its database does; when the server stays
 * down the error says so in one line, without a stack trace.
 *
 * A store set lives in one PostgreSQL schema (default `public`); tests give each run its own
 * (`sentinela_test_<pid>_<random>`) so parallel runs never see each other's rows.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { InputError } from '../../core/index.js';
import type { PostgresSchema } from './postgres-schema.js';
import { redactUrl } from './postgres-url.js';

export type PostgresDatabase = Kysely<PostgresSchema>;

export interface PostgresOptions {
  /** Schema holding the tables (created if missing); default `public`. */
  schema?: string;
  /** Connection attempts before giving up (default 6: about 10 s of backoff in all). */
  attempts?: number;
  /** First wait between attempts in ms, doubled each time (default 300). */
  backoffMs?: number;
  /** Most connections this process opens (default 10). */
  maxConnections?: number;
  /** Create the schema when missing (default true; `db status` only looks). */
  createSchema?: boolean;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects (retrying with backoff), creates the schema if needed and returns Kysely over the pool.
 * Throws an InputError naming the (redacted) URL when the server cannot be reached.
 *
 * @example
 * const db = await openPostgres('postgres://127.0.0.1:5432/sentinela');
 * try { await migratePostgres(db); } finally { await db.destroy(); }
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const schema = options.schema ?? new URL(url).searchParams.get('schema') ?? 'public';
  if (!schemaName.test(schema))
    throw new InputError(`schema "${schema}" must be lower-case letters, digits and _`, { field: 'schema' });
  const connectionString = withoutSchemaParam(url);
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Every connection reads and writes the store set's own schema.
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its server (restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await connectWithRetry(pool, url, options);
  const db = new Kysely<PostgresSchema>({ dialect: new PostgresDialect({ pool }) });
  if (schema !== 'public' && options.createSchema !== false) {
    try {
      // IF NOT EXISTS alone races when several processes start together; the lock serialises them.
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`sentinela:create-schema:${schema}`}))`.execute(
          trx,
        );
        await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(trx);
      });
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}

function withoutSchemaParam(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('schema')) return url;
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

async function connectWithRetry(pool: pg.Pool, url: string, options: PostgresOptions): Promise<void> {
  const attempts = Math.max(1, options.attempts ?? 6);
  let wait = options.backoffMs ?? 300;
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      return;
    } catch (error) {
      const why = error instanceof Error ? error.message || error.name : String(error);
      if (attempt >= attempts || !retryable(error)) {
        await pool.end().catch(() => undefined);
        throw new InputError(
          `cannot connect to PostgreSQL at ${redactUrl(url)} after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${why}`,
          { field: 'db' },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

/** Server down or starting up is worth waiting for; a wrong password or database name is not. */
function retryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code === undefined) return true;
  // 57P03: the database system is starting up; connection errors carry errno codes (ECONNREFUSED…).
  return code === '57P03' || code.startsWith('E');
}
