/**
 * Signed-in sessions on PostgreSQL (table `sessions`), keyed by the id's hash. Every serve process
 * on the database reads the same table, so a session made through one works on all of them.
 */
import type { Session, SessionStore } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

function fromRow(row: PostgresSchema['sessions']): Session {
  return {
    idHash: row.id_hash,
    userName: row.user_name,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/**
 * @example
 * const sessions = new PostgresSessionStore(await openPostgres(url));
 * await sessions.get(secretHash(cookieValue));
 */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly db: PostgresDatabase) {}

  async add(session: Session): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_name: session.userName,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
      })
      .execute();
  }

  async get(idHash: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async touch(idHash: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  }

  async delete(idHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async deleteForUser(userName: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_name', '=', userName).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(createdBefore: string, lastSeenBefore: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('created_at', '<', createdBefore), eb('last_seen_at', '<', lastSeenBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
