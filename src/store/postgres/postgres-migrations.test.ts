/**
 * The PostgreSQL schema migrates once however many processes start together, and status reports
 * a schema that does not exist yet as all pending without creating it; other schemas of the
 * database created and dropped meanwhile (as parallel test files do) do not fail it.
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

  it('migrates while other schemas of the database are created and dropped', async () => {
    // Kysely's introspection scans every schema; one dropped mid-scan must not fail the migration.
    const churn = freshTestSchema();
    const admin = await openPostgres(testPostgresUrl, { schema: churn, createSchema: false, attempts: 1 });
    opened.push(admin);
    let churning = true;
    const churner = (async () => {
      while (churning) {
        await sql.raw(`CREATE SCHEMA ${churn}; CREATE TABLE ${churn}.t (id int)`).execute(admin);
        await sql.raw(`DROP SCHEMA ${churn} CASCADE`).execute(admin);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      for (let i = 0; i < 20; i++) {
        const own = freshTestSchema();
        const db = await openPostgres(testPostgresUrl, { schema: own, attempts: 1 });
        try {
          expect(await migratePostgres(db)).toEqual(Object.keys(postgresMigrations));
        } finally {
          await db.destroy();
          await dropTestSchema(own);
        }
      }
    } finally {
      churning = false;
      await churner;
      await dropTestSchema(churn);
    }
  });
});
