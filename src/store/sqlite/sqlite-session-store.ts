/** Signed-in sessions in the embedded SQLite file (table `sessions`), keyed by the id's hash. */
import type { Session, SessionStore } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface SessionRow {
  id_hash: string;
  user_name: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

function fromRow(row: SessionRow): Session {
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
 * const sessions = new SqliteSessionStore(openSqlite('sentinela.sqlite'));
 * await sessions.get(secretHash(cookieValue));
 */
export class SqliteSessionStore implements SessionStore {
  private readonly byHash;
  private readonly touchSeen;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id_hash TEXT PRIMARY KEY,
      user_name TEXT NOT NULL,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_name);`);
    this.byHash = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
    this.touchSeen = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  }

  async add(session: Session): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(session.idHash, session.userName, session.csrfToken, session.createdAt, session.lastSeenAt);
  }

  async get(idHash: string): Promise<Session | undefined> {
    const row = this.byHash.get(idHash) as SessionRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async touch(idHash: string, at: string): Promise<void> {
    this.touchSeen.run(at, idHash);
  }

  async delete(idHash: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash).changes === 1;
  }

  async deleteForUser(userName: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE user_name = ?').run(userName).changes;
  }

  async deleteExpired(createdBefore: string, lastSeenBefore: string): Promise<number> {
    return this.db
      .prepare('DELETE FROM sessions WHERE created_at < ? OR last_seen_at < ?')
      .run(createdBefore, lastSeenBefore).changes;
  }
}
