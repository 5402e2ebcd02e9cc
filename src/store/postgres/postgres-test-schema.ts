/**
 * Throw-away PostgreSQL schemas for tests: each call names a fresh schema
 * (`sentinela_test_<pid>_<random>`) so parallel test files and runs never share rows, and drops it
 * afterwards. The server is the one on 127.0.0.1:5432 unless `SENTINELA_TEST_PG` names another.
 */
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';

/** The server tests use (database `test`, trust authentication on this machine). */
export const testPostgresUrl = process.env.SENTINELA_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run uses. */
export function freshTestSchema(): string {
  return `sentinela_test_${process.pid}_${randomBytes(5).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropTestSchema(schema: string, url = testPostgresUrl): Promise<void> {
  if (!/^sentinela_test_[a-z0-9_]+$/.test(schema)) throw new Error(`not a test schema: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Whether something accepts TCP connections at the test server's host and port (1 s at most). */
export async function postgresAnswers(url = testPostgresUrl): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 5432), hostname, () => done(true));
  });
}

/**
 * Empties every Sentinela table of a test schema and restarts its id sequences, keeping the
 * migrated tables: creating a schema costs about half a second of DDL, emptying one a few
 * milliseconds, so conformance tests reuse schemas within a run. Triggers (the audit log's
 * append-only guard, foreign keys) are off for this session only, while it deletes.
 */
export async function emptyTestSchema(schema: string, url = testPostgresUrl): Promise<void> {
  if (!/^sentinela_test_[a-z0-9_]+$/.test(schema)) throw new Error(`not a test schema: ${schema}`);
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
       WHERE schemaname = $1 AND tablename NOT LIKE 'sentinela_migrations%'`,
      [schema],
    );
    const sequences = await client.query<{ name: string }>(
      'SELECT sequencename AS name FROM pg_sequences WHERE schemaname = $1',
      [schema],
    );
    await client.query(
      [
        'BEGIN',
        'SET LOCAL session_replication_role = replica',
        ...tables.rows.map((t) => `DELETE FROM "${t.name}"`),
        ...sequences.rows.map((s) => `ALTER SEQUENCE "${s.name}" RESTART`),
        'COMMIT',
      ].join(';\n'),
    );
  } finally {
    await client.end();
  }
}
