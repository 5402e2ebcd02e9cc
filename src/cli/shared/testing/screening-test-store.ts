/**
 * The store every screening CLI test starts from: a temporary folder with a SQLite file that holds
 * the screener's test entities (screening/screener-test-entities.ts) as one version of `test-list`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEntities } from '../../../screening/screener-test-entities.js';
import { openStores } from '../../../store/index.js';

/** Saves the test entities as a version of `test-list` in the store at `db` (created if absent). */
export async function saveTestList(db: string): Promise<void> {
  const stores = await openStores(db);
  try {
    await stores.lists.saveVersion({ list: 'test-list', format: 'csv', files: [], entities: testEntities });
  } finally {
    await stores.close();
  }
}

/**
 * A new temporary folder `dir` holding `db`, a store with the test list; the caller removes `dir`.
 *
 * @example
 * beforeAll(async () => ({ dir, db } = await tempScreeningStore('screen')));
 * afterAll(() => rmSync(dir, { recursive: true, force: true }));
 */
export async function tempScreeningStore(name: string): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), `sentinela-${name}-`));
  const db = join(dir, 'lists.sqlite');
  await saveTestList(db);
  return { dir, db };
}
