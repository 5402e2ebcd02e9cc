/** Runs the user, token, session, audit and case conformance suites against the SQLite stores. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAuditStoreConformance } from './audit-store.case.js';
import { runCaseStoreConformance } from './case-store.case.js';
import { runSessionStoreConformance } from './session-store.case.js';
import { openSqlite } from './sqlite/sqlite-database.js';
import { sqliteAccessStores } from './sqlite/sqlite-access-stores.js';
import { runTokenStoreConformance } from './token-store.case.js';
import { runUserStoreConformance } from './user-store.case.js';

const sqlite = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-access-'));
    const db = openSqlite(join(dir, 'stores.sqlite'));
    return {
      ...sqliteAccessStores(db),
      close: async () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

runUserStoreConformance(sqlite);
runTokenStoreConformance(sqlite);
runSessionStoreConformance(sqlite);
runAuditStoreConformance(sqlite);
runCaseStoreConformance(sqlite);
