/**
 * A ListStore held in memory: for tests of code that takes a store, and for one-off runs that
 * should leave no file behind. Passes the same conformance suite as the SQLite store.
 */
import type { Entity, ListStore, ListVersion, NewListVersion } from '../../core/index.js';
import { compareIds, contentHash } from '../../list-versions/index.js';

export class InMemoryListStore implements ListStore {
  private readonly stored: { version: ListVersion; entities: Entity[] }[] = [];
  private nextId = 1;

  saveVersion(version: NewListVersion): ListVersion {
    const entities = [...version.entities].sort((a, b) => compareIds(a.id, b.id));
    // Serialise first so a failure anywhere leaves nothing stored, as a transaction would.
    const copies = entities.map((e) => JSON.parse(JSON.stringify(e)) as Entity);
    const ids = new Set<string>();
    for (const e of copies) {
      if (ids.has(e.id)) throw new Error(`duplicate entity id ${e.id} in one version`);
      ids.add(e.id);
    }
    const saved: ListVersion = {
      id: this.nextId++,
      list: version.list,
      format: version.format,
      importedAt: new Date().toISOString(),
      files: version.files.map((f) => ({ ...f })),
      entityCount: copies.length,
      contentHash: version.contentHash ?? contentHash(entities),
      ...(version.publishedAt !== undefined && { publishedAt: version.publishedAt }),
      ...(version.baseVersionId !== undefined && { baseVersionId: version.baseVersionId }),
    };
    this.stored.push({ version: saved, entities: copies });
    return saved;
  }

  versions(list?: string): ListVersion[] {
    return this.stored.map((s) => s.version).filter((v) => list === undefined || v.list === list);
  }

  version(id: number): ListVersion | undefined {
    return this.stored.find((s) => s.version.id === id)?.version;
  }

  latestVersion(list: string): ListVersion | undefined {
    return this.versions(list).at(-1);
  }

  latestVersions(): ListVersion[] {
    const latest = new Map<string, ListVersion>();
    for (const { version } of this.stored) latest.set(version.list, version);
    return [...latest.values()].sort((a, b) => (a.list < b.list ? -1 : 1));
  }

  entities(versionId: number): Entity[] {
    return this.stored.find((s) => s.version.id === versionId)?.entities.map((e) => structuredClone(e)) ?? [];
  }

  entity(versionId: number, entityId: string): Entity | undefined {
    const found = this.stored
      .find((s) => s.version.id === versionId)
      ?.entities.find((e) => e.id === entityId);
    return found ? structuredClone(found) : undefined;
  }

  close(): void {}
}
