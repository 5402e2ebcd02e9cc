/** ETag / Last-Modified per downloaded URL in the embedded SQLite file, for conditional list updates. */
import type { HttpValidatorStore, HttpValidators } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface ValidatorRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  fetched_at: string;
}

export class SqliteHttpValidatorStore implements HttpValidatorStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS list_download_validators (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      fetched_at TEXT NOT NULL
    )`);
  }

  async validators(url: string): Promise<HttpValidators | undefined> {
    const row = this.db
      .prepare<[string], ValidatorRow>('SELECT * FROM list_download_validators WHERE url = ?')
      .get(url);
    if (!row) return undefined;
    return {
      url: row.url,
      fetchedAt: row.fetched_at,
      ...(row.etag !== null && { etag: row.etag }),
      ...(row.last_modified !== null && { lastModified: row.last_modified }),
    };
  }

  async saveValidators(entries: readonly HttpValidators[]): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO list_download_validators (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         fetched_at = excluded.fetched_at`,
    );
    this.db.transaction(() => {
      for (const e of entries) upsert.run(e.url, e.etag ?? null, e.lastModified ?? null, e.fetchedAt);
    })();
  }
}
