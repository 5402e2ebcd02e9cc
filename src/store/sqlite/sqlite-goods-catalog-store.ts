/**
 * Goods catalog versions in the embedded SQLite file: one row per version holding the whole
 * document, so a version can be shown, diffed and replayed exactly as it was imported.
 */
import type { GoodsCatalogStore, GoodsCatalogVersion, NewGoodsCatalogVersion } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface Row {
  id: number;
  label: string;
  name: string;
  imported_at: string;
  source: string;
  content_hash: string;
  chemicals: number;
  dual_use: number;
}

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

const columns = 'id, label, name, imported_at, source, content_hash, chemicals, dual_use';

/**
 * @example
 * const store = new SqliteGoodsCatalogStore(openSqlite('sentinela.sqlite'));
 * const { version } = await store.save({ label: '2026.12.01', name: 'sentinela-goods-catalog', … });
 */
export class SqliteGoodsCatalogStore implements GoodsCatalogStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS goods_catalog_versions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      label TEXT NOT NULL,
      name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      source TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      chemicals INTEGER NOT NULL,
      dual_use INTEGER NOT NULL,
      json TEXT NOT NULL
    )`);
  }

  async save(v: NewGoodsCatalogVersion): Promise<{ version: GoodsCatalogVersion; created: boolean }> {
    const run = this.db.transaction(() => {
      const latest = this.db
        .prepare(`SELECT ${columns} FROM goods_catalog_versions ORDER BY id DESC LIMIT 1`)
        .get() as Row | undefined;
      if (latest && latest.content_hash === v.contentHash)
        return { version: toVersion(latest), created: false };
      const info = this.db
        .prepare(
          `INSERT INTO goods_catalog_versions (label, name, imported_at, source, content_hash, chemicals, dual_use, json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          v.label,
          v.name,
          v.importedAt ?? new Date().toISOString(),
          v.source,
          v.contentHash,
          v.chemicals,
          v.dualUse,
          JSON.stringify(v.document),
        );
      const row = this.db
        .prepare(`SELECT ${columns} FROM goods_catalog_versions WHERE id = ?`)
        .get(info.lastInsertRowid) as Row;
      return { version: toVersion(row), created: true };
    });
    return run.immediate();
  }

  async versions(): Promise<GoodsCatalogVersion[]> {
    const rows = this.db.prepare(`SELECT ${columns} FROM goods_catalog_versions ORDER BY id`).all() as Row[];
    return rows.map(toVersion);
  }

  async version(id: number): Promise<GoodsCatalogVersion | undefined> {
    const row = this.db.prepare(`SELECT ${columns} FROM goods_catalog_versions WHERE id = ?`).get(id) as
      | Row
      | undefined;
    return row ? toVersion(row) : undefined;
  }

  async latest(): Promise<GoodsCatalogVersion | undefined> {
    const row = this.db
      .prepare(`SELECT ${columns} FROM goods_catalog_versions ORDER BY id DESC LIMIT 1`)
      .get() as Row | undefined;
    return row ? toVersion(row) : undefined;
  }

  async document(id: number): Promise<unknown | undefined> {
    const row = this.db.prepare('SELECT json FROM goods_catalog_versions WHERE id = ?').get(id) as
      | { json: string }
      | undefined;
    return row ? JSON.parse(row.json) : undefined;
  }
}
