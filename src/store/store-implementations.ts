/**
 * Which store implementations the conformance suites (`*.case.ts`) run against, chosen with
 * `STORES=sqlite,postgres` (the default: both). PostgreSQL cases need a server on 127.0.0.1:5432
 * (or `SENTINELA_TEST_PG`); on a laptop without one they are skipped with the reason shown, while
 * in CI (`CI=true`) a missing server fails the run instead of passing quietly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../core/index.js';
import { openPostgresStores } from './postgres/postgres-stores.js';
import {
  dropTestSchema,
  emptyTestSchema,
  freshTestSchema,
  postgresAnswers,
  testPostgresUrl,
} from './postgres/postgres-test-schema.js';
import { openSqliteStores } from './sqlite/sqlite-stores.js';

export interface StoreImplementation {
  name: string;
  /** Fresh, empty stores of their own (a new file, a new schema); `close()` disposes of them. */
  open(): Promise<Stores>;
  /** Why this implementation cannot run here (its server does not answer); undefined when it can. */
  unavailable?(): Promise<string | undefined>;
  /** Removes what the implementation made for this run (PostgreSQL: its test schemas). */
  dispose?(): Promise<void>;
  /**
   * Another handle on the same stores as `first` (what a second process opens), closed on its own
   * without disposing of the data; used by suites that check processes see each other's writes.
   */
  openAgain?(first: Stores): Promise<Stores>;
}

const implementations: Record<string, () => StoreImplementation> = {
  sqlite: () => ({
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'sentinela-stores-'));
      const stores = openSqliteStores(join(dir, 'stores.sqlite'));
      return {
        ...stores,
        close: async () => {
          await stores.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async openAgain(first) {
      return openSqliteStores(first.location);
    },
  }),
  postgres: () => {
    // Emptied schemas of this run, ready for the next test; all are dropped by dispose().
    const free: string[] = [];
    const made: string[] = [];
    const schemaOf = new WeakMap<Stores, string>();
    return {
      name: 'postgres',
      async open() {
        let schema = free.pop();
        if (schema === undefined) {
          schema = freshTestSchema();
          made.push(schema);
        }
        const stores = await openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
        const opened: Stores = {
          ...stores,
          close: async () => {
            await stores.close();
            await emptyTestSchema(schema);
            free.push(schema);
          },
        };
        schemaOf.set(opened, schema);
        return opened;
      },
      async openAgain(first) {
        const schema = schemaOf.get(first);
        if (schema === undefined) throw new Error('openAgain: not stores this implementation opened');
        return openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
      },
      async dispose() {
        free.length = 0;
        for (const schema of made.splice(0)) await dropTestSchema(schema);
      },
      async unavailable() {
        if (await postgresAnswers()) return undefined;
        const why = `nothing answers at ${new URL(testPostgresUrl).host} (start PostgreSQL, or set SENTINELA_TEST_PG)`;
        if (process.env.CI === 'true') throw new Error(`STORES includes postgres but ${why}`);
        return why;
      },
    };
  },
};

/**
 * The implementations named in `STORES` (comma-separated), default `sqlite,postgres`.
 *
 * @example
 * for (const impl of storeImplementations()) runAlertStoreConformance(impl);
 */
export function storeImplementations(
  selection = process.env.STORES ?? 'sqlite,postgres',
): StoreImplementation[] {
  return selection
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const make = implementations[name];
      if (!make)
        throw new Error(
          `STORES=${selection}: no store implementation "${name}" (known: ${Object.keys(implementations).join(', ')})`,
        );
      return make();
    });
}
