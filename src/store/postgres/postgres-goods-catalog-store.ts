/**
 * Goods catalog versions on PostgreSQL: one row per version holding the whole document. `save`
 * compares with the newest version under an advisory lock, so two processes importing the same
 * catalog at once store it once.
 */
import { sql } from 'kysely';
import type { GoodsCatalogStore, GoodsCatalogVersion, NewGoodsCatalogVersion } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type Row = Omit<PostgresSchema['goods_catalog_versions'], 'json' | 'id'> & { id: number };

const columns = [
  'id',
  'label',
  'name',
  'imported_at',
  'source',
  'content_hash',
  'chemicals',
  'dual_use',
] as const;

function toVersion(r: Row): GoodsCatalogVersion {
  return {
    id: r.id,
    label: r.label,
    name: r.name,
    importedAt: r.imported_at,
    source: r.source,
    contentHash: r.content_hash,
    chemicals: r.chemicals,
    dualUse: r.dual_use,
  };
}

/**
 * @example
 * const store = new PostgresGoodsCatalogStore(await openPostgres(url));
 * const { version, created } = await store.save({ label: '2026.12.01', name: 'sentinela-goods-catalog', … });
 */
export class PostgresGoodsCatalogStore implements GoodsCatalogStore {
  constructor(private readonly db: PostgresDatabase) {}

  async save(v: NewGoodsCatalogVersion): Promise<{ version: GoodsCatalogVersion; created: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':goods-catalog'))`.execute(trx);
      const latest = await trx
        .selectFrom('goods_catalog_versions')
        .select(columns)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest && latest.content_hash === v.contentHash)
        return { version: toVersion(latest), created: false };
      const row = await trx
        .insertInto('goods_catalog_versions')
        .values({
          label: v.label,
          name: v.name,
          imported_at: v.importedAt ?? new Date().toISOString(),
          source: v.source,
          content_hash: v.contentHash,
          chemicals: v.chemicals,
          dual_use: v.dualUse,
          json: JSON.stringify(v.document),
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return { version: toVersion(row), created: true };
    });
  }

  async versions(): Promise<GoodsCatalogVersion[]> {
    return (await this.db.selectFrom('goods_catalog_versions').select(columns).orderBy('id').execute()).map(
      toVersion,
    );
  }

  async version(id: number): Promise<GoodsCatalogVersion | undefined> {
    if (!Number.isSafeInteger(id) || Math.abs(id) > 2 ** 31 - 1) return undefined;
    const row = await this.db
      .selectFrom('goods_catalog_versions')
      .select(columns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  async latest(): Promise<GoodsCatalogVersion | undefined> {
    const row = await this.db
      .selectFrom('goods_catalog_versions')
      .select(columns)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  async document(id: number): Promise<unknown | undefined> {
    if (!Number.isSafeInteger(id) || Math.abs(id) > 2 ** 31 - 1) return undefined;
    const row = await this.db
      .selectFrom('goods_catalog_versions')
      .select('json')
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? JSON.parse(row.json) : undefined;
  }
}
