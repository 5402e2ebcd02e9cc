/**
 * The sign-in rate limiter on the SQLite file (table `login_failures`), so that `sentinela serve`
 * with several worker processes counts a guesser's failures once, not once per worker.
 */
import {
  afterLoginFailure,
  defaultLoginRateLimits,
  type LoginFailureState,
  type LoginRateDecision,
  type LoginRateLimiter,
  type LoginRateLimits,
  loginDecision,
} from '../../auth/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface FailureRow {
  failures: number;
  first_failure_at: number;
  locked_until: number;
}

function fromRow(row: FailureRow | undefined): LoginFailureState | undefined {
  return row
    ? { failures: row.failures, firstFailureAt: row.first_failure_at, lockedUntil: row.locked_until }
    : undefined;
}

/**
 * @example
 * const limiter = new SqliteLoginRateLimiter(openSqlite('sentinela.sqlite'));
 * if (!(await limiter.check('user:ana')).allowed) refuse();
 */
export class SqliteLoginRateLimiter implements LoginRateLimiter {
  private readonly read;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly limits: LoginRateLimits = defaultLoginRateLimits,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS login_failures (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      first_failure_at INTEGER NOT NULL,
      locked_until INTEGER NOT NULL
    )`);
    this.read = db.prepare(
      'SELECT failures, first_failure_at, locked_until FROM login_failures WHERE key = ?',
    );
  }

  async check(key: string, now: Date = new Date()): Promise<LoginRateDecision> {
    return loginDecision(fromRow(this.read.get(key) as FailureRow | undefined), now.getTime());
  }

  async fail(key: string, now: Date = new Date()): Promise<void> {
    const t = now.getTime();
    const write = this.db.transaction(() => {
      const next = afterLoginFailure(fromRow(this.read.get(key) as FailureRow | undefined), t, this.limits);
      this.db
        .prepare(
          `INSERT INTO login_failures (key, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
             first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`,
        )
        .run(key, next.failures, next.firstFailureAt, next.lockedUntil);
      // Old keys are forgotten as new failures arrive, so a flood of names cannot fill the file.
      this.db
        .prepare('DELETE FROM login_failures WHERE locked_until <= ? AND first_failure_at < ?')
        .run(t, t - this.limits.windowMs);
    });
    write.immediate();
  }

  async succeed(key: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }
}
