/**
 * Watchlist versions on PostgreSQL: the same rows as the SQLite file (one per version, one per
 * entity with its full JSON). A version is written in one transaction; `saveNextVersion` holds a
 * per-list advisory lock for its whole transaction, so two importers racing on the same list
 * (two processes, two machines) run one after the other and never store half a version.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import {
  displayName,
  type Entity,
  type ListFormat,
  type ListStore,
  type ListVersion,
  type NewListVersion,
  type SourceFile,
} from '../../core/index.js';
import { compareIds, contentHash } from '../../list-versions/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type Executor = PostgresDatabase | Transaction<PostgresSchema>;
type VersionRow = Selectable<PostgresSchema['list_versions']>;

/** Entities per INSERT: well under PostgreSQL's 65,535 parameters at 6 columns a row. */
const entityBatch = 1000;

/**
 * @example
 * const lists = new PostgresListStore(await openPostgres(url));
 * const v = await lists.saveVersion({ list: 'in-house', format: 'csv', files, entities });
 */
export class PostgresListStore implements ListStore {
  constructor(private readonly db: PostgresDatabase) {}

  async saveVersion(version: NewListVersion): Promise<ListVersion> {
    return this.db.transaction().execute((trx) => insertVersion(trx, version));
  }

  async saveNextVersion<T>(
    list: string,
    next: (latest: ListVersion | undefined) => Promise<{ version?: NewListVersion; result: T }>,
  ): Promise<{ saved?: ListVersion; result: T }> {
    return this.db.transaction().execute(async (trx) => {
      // Held until commit or rollback: the next importer of this list reads the base we wrote.
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':list:' || ${list}))`.execute(trx);
      const outcome = await next(await latestOf(trx, list));
      const saved = outcome.version ? await insertVersion(trx, outcome.version) : undefined;
      return saved ? { saved, result: outcome.result } : { result: outcome.result };
    });
  }

  async versions(list?: string): Promise<ListVersion[]> {
    let query = this.db.selectFrom('list_versions').selectAll().orderBy('id');
    if (list !== undefined) query = query.where('list', '=', list);
    return (await query.execute()).map(toVersion);
  }

  async version(id: number): Promise<ListVersion | undefined> {
    if (!Number.isSafeInteger(id) || Math.abs(id) > 2 ** 31 - 1) return undefined;
    const row = await this.db.selectFrom('list_versions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  async latestVersion(list: string): Promise<ListVersion | undefined> {
    return latestOf(this.db, list);
  }

  async latestVersions(): Promise<ListVersion[]> {
    const rows = await this.db
      .selectFrom('list_versions')
      .selectAll()
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('list_versions')
          .select((eb) => eb.fn.max('id').as('id'))
          .groupBy('list'),
      )
      .orderBy('list')
      .execute();
    return rows.map(toVersion);
  }

  async entities(versionId: number): Promise<Entity[]> {
    if (!Number.isSafeInteger(versionId) || Math.abs(versionId) > 2 ** 31 - 1) return [];
    const rows = await this.db
      .selectFrom('list_entities')
      .select('body')
      .where('version_id', '=', versionId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => JSON.parse(r.body) as Entity);
  }

  async entity(versionId: number, entityId: string): Promise<Entity | undefined> {
    if (!Number.isSafeInteger(versionId) || Math.abs(versionId) > 2 ** 31 - 1) return undefined;
    const row = await this.db
      .selectFrom('list_entities')
      .select('body')
      .where('version_id', '=', versionId)
      .where('entity_id', '=', entityId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.body) as Entity) : undefined;
  }
}

async function latestOf(db: Executor, list: string): Promise<ListVersion | undefined> {
  const row = await db
    .selectFrom('list_versions')
    .selectAll()
    .where('list', '=', list)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Inserts the version row and its entities inside `trx`; any failure rolls the whole version back. */
async function insertVersion(trx: Executor, version: NewListVersion): Promise<ListVersion> {
  const entities = [...version.entities].sort((a, b) => compareIds(a.id, b.id));
  const row = await trx
    .insertInto('list_versions')
    .values({
      list: version.list,
      format: version.format,
      imported_at: new Date().toISOString(),
      published_at: version.publishedAt ?? null,
      files: JSON.stringify(version.files),
      entity_count: entities.length,
      base_version_id: version.baseVersionId ?? null,
      content_hash: version.contentHash ?? contentHash(entities),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (let start = 0; start < entities.length; start += entityBatch) {
    const values = entities.slice(start, start + entityBatch).map((entity, i) => ({
      version_id: row.id,
      seq: start + i,
      entity_id: entity.id,
      schema: entity.schema,
      name: displayName(entity),
      body: JSON.stringify(entity),
    }));
    await trx.insertInto('list_entities').values(values).execute();
  }
  return toVersion(row);
}

function toVersion(row: VersionRow): ListVersion {
  const version: ListVersion = {
    id: row.id,
    list: row.list,
    format: row.format as ListFormat,
    importedAt: row.imported_at,
    files: JSON.parse(row.files) as SourceFile[],
    entityCount: row.entity_count,
    contentHash: row.content_hash,
  };
  if (row.published_at !== null) version.publishedAt = row.published_at;
  if (row.base_version_id !== null) version.baseVersionId = row.base_version_id;
  return version;
}
