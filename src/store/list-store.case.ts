/**
 * The conformance suite every ListStore implementation must pass (SQLite now, PostgreSQL later):
 * versions round-trip whole, in order, and a failed save leaves the store as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Entity,
  EntitySchema,
  type ListStore,
  type NewListVersion,
  type Stores,
} from '../core/index.js';
import { contentHash } from '../list-versions/index.js';
import type { StoreImplementation } from './store-implementations.js';

/** A minimal valid entity; `EntitySchema.parse` fills the empty fields the way readers do. */
function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    ...extra,
  });
}

function newVersion(list: string, entities: Entity[], extra: Partial<NewListVersion> = {}): NewListVersion {
  return {
    list,
    format: 'ofac-csv',
    files: [{ path: `/lists/${list}/sdn.csv`, sha256: 'ab'.repeat(32), bytes: 1234 }],
    entities,
    ...extra,
  };
}

/**
 * Registers the suite for one implementation; each test gets fresh, empty stores.
 *
 * @example
 * for (const impl of storeImplementations()) runListStoreConformance(impl);
 */
export function runListStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} ListStore (conformance)`, () => {
    let stores: Stores | undefined;
    const open = async (): Promise<ListStore> => {
      stores = await implementation.open();
      return stores.lists;
    };
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('starts empty', async () => {
      const s = await open();
      expect(await s.versions()).toEqual([]);
      expect(await s.latestVersions()).toEqual([]);
      expect(await s.latestVersion('us-ofac-sdn')).toBeUndefined();
      expect(await s.version(1)).toBeUndefined();
    });

    it('saves a version and reads back its facts and entities', async () => {
      const s = await open();
      const entities = [
        entity('11440', 'SINALOA CARTEL', { programs: ['SDNTK', 'FTO'] }),
        entity('36', 'AEROCARIBBEAN AIRLINES', { programs: ['CUBA'] }),
        entity('306', 'BANCO NACIONAL DE CUBA', { attributes: { remarks: ['a.k.a. BNC'] } }),
      ];
      const saved = await s.saveVersion(newVersion('us-ofac-sdn', entities, { publishedAt: '2025-11-02' }));
      expect(saved).toMatchObject({
        list: 'us-ofac-sdn',
        format: 'ofac-csv',
        entityCount: 3,
        publishedAt: '2025-11-02',
      });
      expect(saved.baseVersionId).toBeUndefined();
      expect(saved.contentHash).toBe(contentHash(entities));
      expect(Number.isNaN(Date.parse(saved.importedAt))).toBe(false);
      expect(saved.files).toEqual([
        { path: '/lists/us-ofac-sdn/sdn.csv', sha256: 'ab'.repeat(32), bytes: 1234 },
      ]);
      expect(await s.version(saved.id)).toEqual(saved);
      // Entities come back whole, in natural id order (numeric ids by value, not as text).
      expect((await s.entities(saved.id)).map((e) => e.id)).toEqual(['36', '306', '11440']);
      expect(await s.entity(saved.id, '11440')).toEqual(entities[0]);
      expect((await s.entity(saved.id, '306'))?.attributes).toEqual({ remarks: ['a.k.a. BNC'] });
      expect(await s.entity(saved.id, '99999')).toBeUndefined();
      expect(await s.entities(saved.id + 100)).toEqual([]);
    });

    it('keeps a caller-given content hash and the base version of a partial update', async () => {
      const s = await open();
      const base = await s.saveVersion(newVersion('un-sc', [entity('QDe.001', 'A')]));
      const next = await s.saveVersion(
        newVersion('un-sc', [entity('QDe.001', 'A'), entity('QDe.002', 'B')], {
          baseVersionId: base.id,
          contentHash: 'sha256:given',
        }),
      );
      expect(next.baseVersionId).toBe(base.id);
      expect(next.contentHash).toBe('sha256:given');
      expect(next.publishedAt).toBeUndefined();
    });

    it('numbers versions monotonically across lists and finds the latest of each', async () => {
      const s = await open();
      const a1 = await s.saveVersion(newVersion('us-ofac-sdn', [entity('1', 'A')]));
      const u1 = await s.saveVersion(newVersion('un-sc', [entity('QDi.1', 'U')]));
      const a2 = await s.saveVersion(newVersion('us-ofac-sdn', [entity('1', 'A'), entity('2', 'B')]));
      expect(a1.id).toBeLessThan(u1.id);
      expect(u1.id).toBeLessThan(a2.id);
      expect((await s.versions()).map((v) => v.id)).toEqual([a1.id, u1.id, a2.id]);
      expect((await s.versions('us-ofac-sdn')).map((v) => v.id)).toEqual([a1.id, a2.id]);
      expect(await s.versions('nope')).toEqual([]);
      expect((await s.latestVersion('us-ofac-sdn'))?.id).toBe(a2.id);
      expect((await s.latestVersions()).map((v) => [v.list, v.id])).toEqual([
        ['un-sc', u1.id],
        ['us-ofac-sdn', a2.id],
      ]);
      // Each version keeps its own entities.
      expect(await s.entities(a1.id)).toHaveLength(1);
      expect(await s.entities(a2.id)).toHaveLength(2);
    });

    it('stores nothing when a save fails mid-write (duplicate entity id)', async () => {
      const s = await open();
      const before = await s.saveVersion(newVersion('us-ofac-sdn', [entity('1', 'A'), entity('2', 'B')]));
      const broken = [entity('3', 'C'), entity('4', 'D'), entity('3', 'C AGAIN')];
      await expect(s.saveVersion(newVersion('us-ofac-sdn', broken))).rejects.toThrow();
      expect(await s.versions()).toEqual([before]);
      expect(await s.latestVersion('us-ofac-sdn')).toEqual(before);
      expect((await s.entities(before.id)).map((e) => e.id)).toEqual(['1', '2']);
      // The store is still usable, and the failed version left no entities behind under a reused id.
      const after = await s.saveVersion(newVersion('us-ofac-sdn', [entity('5', 'E')]));
      expect((await s.entities(after.id)).map((e) => e.id)).toEqual(['5']);
    });

    it('stores nothing when an entity cannot be written halfway through the list', async () => {
      const s = await open();
      const before = await s.saveVersion(newVersion('un-sc', [entity('QDi.1', 'A')]));
      const unwritable = {
        ...entity('QDi.3', 'C'),
        toJSON() {
          throw new Error('simulated write failure');
        },
      } as Entity;
      const entities = [entity('QDi.2', 'B'), unwritable, entity('QDi.4', 'D')];
      await expect(s.saveVersion(newVersion('un-sc', entities))).rejects.toThrow(/simulated write failure/);
      expect(await s.versions()).toEqual([before]);
      expect(await s.entities(before.id)).toHaveLength(1);
    });
  });
}
