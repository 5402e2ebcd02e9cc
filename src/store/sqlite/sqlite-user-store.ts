/** Users in the embedded SQLite file (table `users`). */
import type { Role } from '../../auth/index.js';
import type { User, UserChange, UserStore } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface UserRow {
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
  created_by: string;
}

function fromRow(row: UserRow): User {
  return {
    name: row.name,
    role: row.role as Role,
    ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/**
 * @example
 * const users = new SqliteUserStore(openSqlite('sentinela.sqlite'));
 * await users.get('ana');
 */
export class SqliteUserStore implements UserStore {
  private readonly byName;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS users (
      name TEXT PRIMARY KEY,
      role TEXT NOT NULL,
      password_hash TEXT,
      disabled INTEGER NOT NULL DEFAULT 0,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    // Prepared once: a user is read on every authenticated API request.
    this.byName = db.prepare('SELECT * FROM users WHERE name = ?');
  }

  async add(user: User): Promise<boolean> {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO users (name, role, password_hash, disabled, must_change_password, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.name,
        user.role,
        user.passwordHash ?? null,
        user.disabled ? 1 : 0,
        user.mustChangePassword ? 1 : 0,
        user.createdAt,
        user.createdBy,
      );
    return info.changes === 1;
  }

  async get(name: string): Promise<User | undefined> {
    const row = this.byName.get(name) as UserRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async list(): Promise<User[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(fromRow);
  }

  async update(name: string, change: UserChange): Promise<User | undefined> {
    const sets: string[] = [];
    const params: Record<string, string | number> = { name };
    if (change.role !== undefined) {
      sets.push('role = @role');
      params.role = change.role;
    }
    if (change.disabled !== undefined) {
      sets.push('disabled = @disabled');
      params.disabled = change.disabled ? 1 : 0;
    }
    if (change.passwordHash !== undefined) {
      sets.push('password_hash = @passwordHash');
      params.passwordHash = change.passwordHash;
    }
    if (change.mustChangePassword !== undefined) {
      sets.push('must_change_password = @mustChange');
      params.mustChange = change.mustChangePassword ? 1 : 0;
    }
    if (sets.length) this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE name = @name`).run(params);
    return this.get(name);
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }
}
