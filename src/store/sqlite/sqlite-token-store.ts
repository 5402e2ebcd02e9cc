/** API tokens in the embedded SQLite file (table `api_tokens`); only the secrets' hashes are stored. */
import type { TokenScope } from '../../auth/index.js';
import type { ApiToken, TokenStore } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface TokenRow {
  id: string;
  user_name: string;
  scopes: string;
  label: string | null;
  hash: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

function fromRow(row: TokenRow): ApiToken {
  return {
    id: row.id,
    userName: row.user_name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    ...(row.label !== null ? { label: row.label } : {}),
    hash: row.hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
    ...(row.last_used_at !== null ? { lastUsedAt: row.last_used_at } : {}),
  };
}

/**
 * @example
 * const tokens = new SqliteTokenStore(openSqlite('sentinela.sqlite'));
 * await tokens.findByHash(secretHash(presented));
 */
export class SqliteTokenStore implements TokenStore {
  private readonly byHash;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_tokens (
      id TEXT PRIMARY KEY,
      user_name TEXT NOT NULL,
      scopes TEXT NOT NULL,
      label TEXT,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT,
      last_used_at TEXT
    );
    CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_name);`);
    // Prepared once: checking a token is on every API request.
    this.byHash = db.prepare('SELECT * FROM api_tokens WHERE hash = ?');
  }

  async add(token: ApiToken): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO api_tokens (id, user_name, scopes, label, hash, created_at, created_by, expires_at, revoked_at, last_used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        token.id,
        token.userName,
        JSON.stringify(token.scopes),
        token.label ?? null,
        token.hash,
        token.createdAt,
        token.createdBy,
        token.expiresAt ?? null,
        token.revokedAt ?? null,
        token.lastUsedAt ?? null,
      );
  }

  async get(id: string): Promise<ApiToken | undefined> {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as TokenRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    const row = this.byHash.get(hash) as TokenRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async list(filter: { userName?: string } = {}): Promise<ApiToken[]> {
    const rows = (
      filter.userName === undefined
        ? this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at DESC, id').all()
        : this.db
            .prepare('SELECT * FROM api_tokens WHERE user_name = ? ORDER BY created_at DESC, id')
            .all(filter.userName)
    ) as TokenRow[];
    return rows.map(fromRow);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const info = this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(at, id);
    return info.changes === 1;
  }

  async touch(id: string, at: string): Promise<void> {
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }
}
