/**
 * The access-control, audit and case stores on one SQLite connection, so `openSqliteStores` can
 * hand them out beside the list, review and alert stores.
 */
import type { Stores } from '../../core/index.js';
import { SqliteAuditStore } from './sqlite-audit-store.js';
import { SqliteCaseStore } from './sqlite-case-store.js';
import type { SqliteDatabase } from './sqlite-database.js';
import { SqliteLoginRateLimiter } from './sqlite-login-rate-limiter.js';
import { SqliteSessionStore } from './sqlite-session-store.js';
import { SqliteTokenStore } from './sqlite-token-store.js';
import { SqliteUserStore } from './sqlite-user-store.js';

export type AccessStores = Pick<Stores, 'users' | 'tokens' | 'sessions' | 'audit' | 'cases' | 'loginLimiter'>;

/**
 * @example
 * const db = openSqlite('sentinela.sqlite');
 * const { users, audit } = sqliteAccessStores(db);
 */
export function sqliteAccessStores(db: SqliteDatabase): AccessStores {
  return {
    users: new SqliteUserStore(db),
    tokens: new SqliteTokenStore(db),
    sessions: new SqliteSessionStore(db),
    audit: new SqliteAuditStore(db),
    cases: new SqliteCaseStore(db),
    loginLimiter: new SqliteLoginRateLimiter(db),
  };
}
