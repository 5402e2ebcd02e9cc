/**
 * Watchlist versions in the embedded SQLite file: one row per version, one row per entity of each
 * version (its full JSON), so any version can be read back, diffed or screened against later.
 */
import type {
  Entity,
  ListFormat,
  ListStore,
  ListVersion,
  NewListVersion,
  SourceFile,
} from '../../core/index.js';
// The defining files, not the barrels: opening a store must not load zod (see docs/screening.md).
import { displayName } from '../../core/display-name.js';
import { compareIds, contentHash } from '../../list-versions/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

const schemaSql = `
CREATE TABLE IF NOT EXISTS list_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  list TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  published_at TEXT,
  files TEXT NOT NULL,
  entity_count INTEGER NOT NULL,
  base_version_id INTEGER REFERENCES list_versions(id),
  content_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS list_versions_by_list ON list_versions(list, id);
CREATE TABLE IF NOT EXISTS list_entities (
  version_id INTEGER NOT NULL REFERENCES list_versions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  schema TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (version_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS list_entities_by_seq ON list_entities(version_id, seq);
`;

interface VersionRow {
  id: number;
  list: string;
  format: string;
  imported_at: string;
  published_at: string | null;
  files: string;
  entity_count: number;
  base_version_id: number | null;
  content_hash: string;
}

/**
 * Creates the list tables if needed; the database handle stays owned by the caller (`openStores`).
 * better-sqlite3 is synchronous: each method does its work at once and returns a settled promise.
 */
export class SqliteListStore implements ListStore {
  private readonly insertVersion;
  private readonly insertEntity;
  private readonly selectVersion;
  private readonly selectEntities;
  private readonly selectEntity;
  /** Serialises saveNextVersion calls sharing this connection. */
  private writeQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: SqliteDatabase) {
    db.exec(schemaSql);
    this.insertVersion = db.prepare(
      `INSERT INTO list_versions (list, format, imported_at, published_at, files, entity_count, base_version_id, content_hash)
       VALUES (@list, @format, @imported_at, @published_at, @files, @entity_count, @base_version_id, @content_hash)`,
    );
    this.insertEntity = db.prepare(
      `INSERT INTO list_entities (version_id, seq, entity_id, schema, name, body)
       VALUES (@version_id, @seq, @entity_id, @schema, @name, @body)`,
    );
    this.selectVersion = db.prepare<[number], VersionRow>('SELECT * FROM list_versions WHERE id = ?');
    this.selectEntities = db.prepare<[number], { body: string }>(
      'SELECT body FROM list_entities WHERE version_id = ? ORDER BY seq',
    );
    this.selectEntity = db.prepare<[number, string], { body: string }>(
      'SELECT body FROM list_entities WHERE version_id = ? AND entity_id = ?',
    );
  }

  async saveVersion(version: NewListVersion): Promise<ListVersion> {
    const entities = [...version.entities].sort((a, b) => compareIds(a.id, b.id));
    const row = {
      list: version.list,
      format: version.format,
      imported_at: new Date().toISOString(),
      published_at: version.publishedAt ?? null,
      files: JSON.stringify(version.files),
      entity_count: entities.length,
      base_version_id: version.baseVersionId ?? null,
      content_hash: version.contentHash ?? contentHash(entities),
    };
    // One transaction: a failure on any entity (duplicate id, disk full) rolls the version back whole.
    const save = this.db.transaction((): number => {
      const id = Number(this.insertVersion.run(row).lastInsertRowid);
      entities.forEach((entity, seq) => {
        this.insertEntity.run({
          version_id: id,
          seq,
          entity_id: entity.id,
          schema: entity.schema,
          name: displayName(entity),
          body: JSON.stringify(entity),
        });
      });
      return id;
    });
    const id = save();
    return toVersion(this.selectVersion.get(id)!);
  }

  async saveNextVersion<T>(
    list: string,
    next: (latest: ListVersion | undefined) => Promise<{ version?: NewListVersion; result: T }>,
  ): Promise<{ saved?: ListVersion; result: T }> {
    // One writer at a time in this process (the connection is shared), and BEGIN IMMEDIATE takes
    // SQLite's write lock before the base is read, so other processes wait (busy_timeout) too.
    const run = this.writeQueue.then(async () => {
      // An import waits for another process's import to finish rather than failing after 5 s.
      const timeout = this.db.pragma('busy_timeout', { simple: true });
      this.db.pragma('busy_timeout = 300000');
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } finally {
        this.db.pragma(`busy_timeout = ${Number(timeout)}`);
      }
      try {
        const outcome = await next(await this.latestVersion(list));
        const saved = outcome.version ? await this.saveVersion(outcome.version) : undefined;
        this.db.exec('COMMIT');
        return saved ? { saved, result: outcome.result } : { result: outcome.result };
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  async versions(list?: string): Promise<ListVersion[]> {
    const rows =
      list === undefined
        ? this.db.prepare<[], VersionRow>('SELECT * FROM list_versions ORDER BY id').all()
        : this.db
            .prepare<[string], VersionRow>('SELECT * FROM list_versions WHERE list = ? ORDER BY id')
            .all(list);
    return rows.map(toVersion);
  }

  async version(id: number): Promise<ListVersion | undefined> {
    const row = this.selectVersion.get(id);
    return row ? toVersion(row) : undefined;
  }

  async latestVersion(list: string): Promise<ListVersion | undefined> {
    const row = this.db
      .prepare<[string], VersionRow>('SELECT * FROM list_versions WHERE list = ? ORDER BY id DESC LIMIT 1')
      .get(list);
    return row ? toVersion(row) : undefined;
  }

  async latestVersions(): Promise<ListVersion[]> {
    return this.db
      .prepare<[], VersionRow>(
        'SELECT * FROM list_versions WHERE id IN (SELECT MAX(id) FROM list_versions GROUP BY list) ORDER BY list',
      )
      .all()
      .map(toVersion);
  }

  async entities(versionId: number): Promise<Entity[]> {
    return this.selectEntities.all(versionId).map((r) => JSON.parse(r.body) as Entity);
  }

  async entity(versionId: number, entityId: string): Promise<Entity | undefined> {
    const row = this.selectEntity.get(versionId, entityId);
    return row ? (JSON.parse(row.body) as Entity) : undefined;
  }
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
