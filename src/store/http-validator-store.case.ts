/** The conformance suite every HttpValidatorStore implementation must pass: validators round-trip and upsert per URL. */
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpValidatorStore, Stores } from '../core/index.js';
import type { StoreImplementation } from './store-implementations.js';

/**
 * @example
 * for (const impl of storeImplementations()) runHttpValidatorStoreConformance(impl);
 */
export function runHttpValidatorStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} HttpValidatorStore (conformance)`, () => {
    let stores: Stores | undefined;
    const open = async (): Promise<HttpValidatorStore> => {
      stores = await implementation.open();
      return stores.validators;
    };
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('returns nothing for an unknown URL, then what was saved, replacing older validators', async () => {
      const s = await open();
      expect(await s.validators('https://example.org/SDN.CSV')).toBeUndefined();
      await s.saveValidators([
        { url: 'https://example.org/SDN.CSV', etag: '"a"', fetchedAt: '2026-01-01T00:00:00.000Z' },
        {
          url: 'https://example.org/ALT.CSV',
          lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT',
          fetchedAt: '2026-01-01T00:00:00.000Z',
        },
      ]);
      expect(await s.validators('https://example.org/SDN.CSV')).toEqual({
        url: 'https://example.org/SDN.CSV',
        etag: '"a"',
        fetchedAt: '2026-01-01T00:00:00.000Z',
      });
      await s.saveValidators([
        { url: 'https://example.org/ALT.CSV', etag: '"b"', fetchedAt: '2026-02-01T00:00:00.000Z' },
      ]);
      expect(await s.validators('https://example.org/ALT.CSV')).toEqual({
        url: 'https://example.org/ALT.CSV',
        etag: '"b"',
        fetchedAt: '2026-02-01T00:00:00.000Z',
      });
    });
  });
}
