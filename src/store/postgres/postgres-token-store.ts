/** API tokens on PostgreSQL (table `api_tokens`); only the secrets' hashes are stored. */
import type { TokenScope } from '../../auth/index.js';
import type { ApiToken, TokenStore } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

function fromRow(row: PostgresSchema['api_tokens']): ApiToken {
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
 * const tokens = new PostgresTokenStore(await openPostgres(url));
 * await tokens.findByHash(secretHash(presented));
 */
export class PostgresTokenStore implements TokenStore {
  constructor(private readonly db: PostgresDatabase) {}

  async add(token: ApiToken): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        user_name: token.userName,
        scopes: JSON.stringify(token.scopes),
        label: token.label ?? null,
        hash: token.hash,
        created_at: token.createdAt,
        created_by: token.createdBy,
        expires_at: token.expiresAt ?? null,
        revoked_at: token.revokedAt ?? null,
        last_used_at: token.lastUsedAt ?? null,
      })
      .execute();
  }

  async get(id: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(filter: { userName?: string } = {}): Promise<ApiToken[]> {
    let query = this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id');
    if (filter.userName !== undefined) query = query.where('user_name', '=', filter.userName);
    return (await query.execute()).map(fromRow);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
