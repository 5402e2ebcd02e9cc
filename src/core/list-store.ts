/**
 * The storage contract for watchlist versions. Engines never see a database: the CLI hands them
 * entities read through this interface. Implementations: `store/sqlite` (embedded default).
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

export interface ListStore {
  /** Writes a whole version in one transaction: either all of it is stored or none. */
  saveVersion(version: NewListVersion): ListVersion;
  /** Versions in id order (oldest first), of one list or of all lists. */
  versions(list?: string): ListVersion[];
  version(id: number): ListVersion | undefined;
  /** The newest version of one list, if it has any. */
  latestVersion(list: string): ListVersion | undefined;
  /** The newest version of each list. */
  latestVersions(): ListVersion[];
  /** A version's entities in id order (numeric ids by value). */
  entities(versionId: number): Entity[];
  entity(versionId: number, entityId: string): Entity | undefined;
  close(): void;
}
