/**
 * Recognising and printing PostgreSQL URLs, kept apart from the driver so that choosing a backend
 * (every CLI start) does not load `pg` and Kysely for a SQLite user.
 */

/** A `--db` / `DATABASE_URL` value naming a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string | undefined): location is string {
  return location !== undefined && /^postgres(ql)?:\/\//i.test(location);
}

/**
 * `postgres://user:secret@host/db` → `postgres://user:***@host/db`: URLs go into messages. Anything
 * else (a file path) is returned as it is.
 */
export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL';
  }
}
