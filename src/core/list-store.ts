/**
 * The storage contract for watchlist versions. Engines never see a database: services hand them
 * entities read through this interface. Asynchronous, so a server database (PostgreSQL) can
 * implement it as well as the embedded SQLite file (`store/sqlite`).
 */
import type { Entity } from './entity.js';
import type { ListFormat, SourceFile } from './list-source.js';

export interface ListVersion {
  /** Monotonic per store, e.g. `3`; shown to users as `us-ofac-sdn@3`. */
  id: number;
  list: string;
  format: ListFormat;
  importedAt: string;
  publishedAt?: string;
  files: SourceFile[];
  entityCount: number;
  /** The version this one was built on when a partial update was applied, if any. */
  baseVersionId?: number;
  /** Hash over the entity contents, so re-importing identical data can be recognised. */
  contentHash: string;
}

export interface NewListVersion {
  list: string;
  format: ListFormat;
  publishedAt?: string;
  files: SourceFile[];
  baseVersionId?: number;
  entities: Entity[];
  /** Precomputed `contentHash(entities)` (see `list-versions`); the store computes it when absent. */
  contentHash?: string;
}

/**
 * @example
 * const version = await stores.lists.saveVersion({ list: 'in-house', format: 'csv', files, entities });
 * const entities = await stores.lists.entities(version.id);
 */
export interface ListStore {
  /** Writes a whole version in one transaction: either all of it is stored or none. */
  saveVersion(version: NewListVersion): Promise<ListVersion>;
  /**
   * Reads the newest version of `list` and saves what `next` builds from it, in one write
   * transaction: concurrent writers (two processes importing partial updates) run one after the
   * other, so none builds on a base another has just replaced and identical content is seen as
   * such. `next` returns undefined to write nothing; its error rolls everything back.
   */
  saveNextVersion<T>(
    list: string,
    next: (latest: ListVersion | undefined) => Promise<{ version?: NewListVersion; result: T }>,
  ): Promise<{ saved?: ListVersion; result: T }>;
  /** Versions in id order (oldest first), of one list or of all lists. */
  versions(list?: string): Promise<ListVersion[]>;
  version(id: number): Promise<ListVersion | undefined>;
  /** The newest version of one list, if it has any. */
  latestVersion(list: string): Promise<ListVersion | undefined>;
  /** The newest version of each list, ordered by list name. */
  latestVersions(): Promise<ListVersion[]>;
  /** A version's entities in id order (numeric ids by value). */
  entities(versionId: number): Promise<Entity[]>;
  entity(versionId: number, entityId: string): Promise<Entity | undefined>;
}
