/**
 * The PostgreSQL schema migrates once however many processes start together, and status reports
 * a schema that does not exist yet as all pending without creating it.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from './postgres-database.js';
import { migratePostgres, postgresMigrations, postgresMigrationStatus } from './postgres-migrations.js';
import { dropTestSchema, freshTestSchema, postgresAnswers, testPostgresUrl } from './postgres-test-schema.js';

const available = await postgresAnswers();
if (!available && process.env.CI === 'true')
  throw new Error(`PostgreSQL does not answer at ${testPostgresUrl}`);

describe.skipIf(!available)('PostgreSQL schema migrations', () => {
  const schema = freshTestSchema();
  const opened: PostgresDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    await dropTestSchema(schema);
  });

  it('reports a missing schema as pending without creating it', async () => {
    const db = await openPostgres(testPostgresUrl, { schema, createSchema: false, attempts: 1 });
    opened.push(db);
    expect(await postgresMigrationStatus(db)).toEqual(
      Object.keys(postgresMigrations).map((name) => ({ name })),
    );
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = ${schema}`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('applies every migration once when three processes start at the same moment', async () => {
    const dbs = await Promise.all(
      [1, 2, 3].map(() => openPostgres(testPostgresUrl, { schema, attempts: 1 })),
    );
    opened.push(...dbs);
    const applied = await Promise.all(dbs.map((db) => migratePostgres(db)));
    expect(applied.flat().sort()).toEqual(Object.keys(postgresMigrations).sort());
    const status = await postgresMigrationStatus(dbs[0]!);
    expect(status.every((m) => m.appliedAt !== undefined)).toBe(true);
    expect(await migratePostgres(dbs[1]!)).toEqual([]);
  });
});
