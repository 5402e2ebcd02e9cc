/**
 * The sign-in rate limiter on PostgreSQL (table `login_failures`): every serve process behind the
 * database counts a guesser's failures in the same row. A failure is read and written under an
 * advisory lock on its key, so two processes recording failures at once both count.
 */
import { sql } from 'kysely';
import {
  afterLoginFailure,
  defaultLoginRateLimits,
  type LoginFailureState,
  type LoginRateDecision,
  type LoginRateLimiter,
  type LoginRateLimits,
  loginDecision,
} from '../../auth/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type Executor = Pick<PostgresDatabase, 'selectFrom'>;

async function stateOf(db: Executor, key: string): Promise<LoginFailureState | undefined> {
  const row = await db
    .selectFrom('login_failures')
    .select(['failures', 'first_failure_at', 'locked_until'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row
    ? { failures: row.failures, firstFailureAt: row.first_failure_at, lockedUntil: row.locked_until }
    : undefined;
}

/**
 * @example
 * const limiter = new PostgresLoginRateLimiter(await openPostgres(url));
 * if (!(await limiter.check('user:ana')).allowed) refuse();
 */
export class PostgresLoginRateLimiter implements LoginRateLimiter {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly limits: LoginRateLimits = defaultLoginRateLimits,
  ) {}

  async check(key: string, now: Date = new Date()): Promise<LoginRateDecision> {
    return loginDecision(await stateOf(this.db, key), now.getTime());
  }

  async fail(key: string, now: Date = new Date()): Promise<void> {
    const t = now.getTime();
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':login:' || ${key}))`.execute(trx);
      const next = afterLoginFailure(await stateOf(trx, key), t, this.limits);
      const row: PostgresSchema['login_failures'] = {
        key,
        failures: next.failures,
        first_failure_at: next.firstFailureAt,
        locked_until: next.lockedUntil,
      };
      await trx
        .insertInto('login_failures')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: row.failures,
            first_failure_at: row.first_failure_at,
            locked_until: row.locked_until,
          }),
        )
        .execute();
      // Old keys are forgotten as new failures arrive, so a flood of names cannot fill the table.
      await trx
        .deleteFrom('login_failures')
        .where('locked_until', '<=', t)
        .where('first_failure_at', '<', t - this.limits.windowMs)
        .execute();
    });
  }

  async succeed(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', key).execute();
  }
}
