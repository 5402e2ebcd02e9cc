/**
 * Which store implementations the conformance suites (`*.case.ts`) run against, chosen with
 * `STORES=sqlite` (the default; later `STORES=sqlite,postgres`), so a laptop runs the embedded
 * subset and CI runs all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../core/index.js';
import { openSqliteStores } from './sqlite/sqlite-stores.js';

export interface StoreImplementation {
  name: string;
  /** Fresh, empty stores of their own (a new file, a new schema); `close()` disposes of them. */
  open(): Promise<Stores>;
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
  }),
};

/**
 * The implementations named in `STORES` (comma-separated), default `sqlite`.
 *
 * @example
 * for (const impl of storeImplementations()) runAlertStoreConformance(impl);
 */
export function storeImplementations(selection = process.env.STORES ?? 'sqlite'): StoreImplementation[] {
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
