/** Users on PostgreSQL (table `users`); read on every authenticated request, so `get` is one lookup. */
import type { Role } from '../../auth/index.js';
import type { User, UserChange, UserStore } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

function fromRow(row: PostgresSchema['users']): User {
  return {
    name: row.name,
    role: row.role as Role,
    ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/**
 * @example
 * const users = new PostgresUserStore(await openPostgres(url));
 * await users.get('ana');
 */
export class PostgresUserStore implements UserStore {
  constructor(private readonly db: PostgresDatabase) {}

  async add(user: User): Promise<boolean> {
    const result = await this.db
      .insertInto('users')
      .values({
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash ?? null,
        disabled: user.disabled,
        must_change_password: user.mustChangePassword,
        created_at: user.createdAt,
        created_by: user.createdBy,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async get(name: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('name').execute()).map(fromRow);
  }

  async update(name: string, change: UserChange): Promise<User | undefined> {
    const set: Partial<PostgresSchema['users']> = {};
    if (change.role !== undefined) set.role = change.role;
    if (change.disabled !== undefined) set.disabled = change.disabled;
    if (change.passwordHash !== undefined) set.password_hash = change.passwordHash;
    if (change.mustChangePassword !== undefined) set.must_change_password = change.mustChangePassword;
    if (Object.keys(set).length === 0) return this.get(name);
    const row = await this.db
      .updateTable('users')
      .set(set)
      .where('name', '=', name)
      .returningAll()
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
