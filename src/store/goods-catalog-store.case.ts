/**
 * The conformance suite every GoodsCatalogStore implementation must pass: versions are numbered in
 * order, documents come back whole, and re-importing identical content creates no new version.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GoodsCatalogStore, NewGoodsCatalogVersion, Stores } from '../core/index.js';
import type { StoreImplementation } from './store-implementations.js';

function version(hash: string, extra: Partial<NewGoodsCatalogVersion> = {}): NewGoodsCatalogVersion {
  return {
    label: '2026.12.01',
    name: 'sentinela-goods-catalog',
    source: '/tmp/catalog.json',
    contentHash: hash,
    chemicals: 2,
    dualUse: 1,
    document: { version: '2026.12.01', chemicals: [{ id: 'acetone' }, { id: 'toluene' }], hash },
    ...extra,
  };
}

/**
 * @example
 * for (const implementation of storeImplementations()) runGoodsCatalogStoreConformance(implementation);
 */
export function runGoodsCatalogStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} (GoodsCatalogStore conformance)`, () => {
    let stores: Stores | undefined;
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });
    const newStore = async (): Promise<GoodsCatalogStore> => {
      stores = await implementation.open();
      return stores.goodsCatalogs;
    };
    it('starts empty', async () => {
      const s = await newStore();
      expect(await s.versions()).toEqual([]);
      expect(await s.latest()).toBeUndefined();
      expect(await s.version(1)).toBeUndefined();
      expect(await s.document(1)).toBeUndefined();
    });

    it('saves versions in order and returns documents whole', async () => {
      const s = await newStore();
      const a = await s.save(version('a'.repeat(64)));
      const b = await s.save(version('b'.repeat(64), { label: '2027.01.15', chemicals: 3 }));
      expect(a.created && b.created).toBe(true);
      expect(b.version.id).toBeGreaterThan(a.version.id);
      expect((await s.versions()).map((v) => v.label)).toEqual(['2026.12.01', '2027.01.15']);
      expect(await s.latest()).toEqual(b.version);
      expect(await s.version(a.version.id)).toEqual(a.version);
      expect(await s.document(a.version.id)).toEqual(version('a'.repeat(64)).document);
      expect(a.version).toMatchObject({ source: '/tmp/catalog.json', chemicals: 2, dualUse: 1 });
    });

    it('recognises identical content as the newest version', async () => {
      const s = await newStore();
      const first = await s.save(version('c'.repeat(64)));
      const again = await s.save(version('c'.repeat(64), { source: '/elsewhere.json' }));
      expect(again).toEqual({ version: first.version, created: false });
      expect(await s.versions()).toHaveLength(1);
    });
  });
}
