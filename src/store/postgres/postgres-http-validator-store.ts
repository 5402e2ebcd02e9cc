/** ETag / Last-Modified per downloaded URL on PostgreSQL, for conditional list updates. */
import type { HttpValidatorStore, HttpValidators } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';

/**
 * @example
 * const validators = new PostgresHttpValidatorStore(await openPostgres(url));
 * await validators.validators('https://…/SDN.CSV');
 */
export class PostgresHttpValidatorStore implements HttpValidatorStore {
  constructor(private readonly db: PostgresDatabase) {}

  async validators(url: string): Promise<HttpValidators | undefined> {
    const row = await this.db
      .selectFrom('list_download_validators')
      .selectAll()
      .where('url', '=', url)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      url: row.url,
      fetchedAt: row.fetched_at,
      ...(row.etag !== null && { etag: row.etag }),
      ...(row.last_modified !== null && { lastModified: row.last_modified }),
    };
  }

  async saveValidators(entries: readonly HttpValidators[]): Promise<void> {
    if (entries.length === 0) return;
    // One statement is one transaction: all URLs are saved or none. The last entry of a URL wins.
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    await this.db
      .insertInto('list_download_validators')
      .values(
        [...byUrl.values()].map((e) => ({
          url: e.url,
          etag: e.etag ?? null,
          last_modified: e.lastModified ?? null,
          fetched_at: e.fetchedAt,
        })),
      )
      .onConflict((oc) =>
        oc.column('url').doUpdateSet((eb) => ({
          etag: eb.ref('excluded.etag'),
          last_modified: eb.ref('excluded.last_modified'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }
}
