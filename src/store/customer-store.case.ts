/**
 * The conformance suite every CustomerStore implementation must pass: a base round-trips whole and
 * in file order, versions number up, a duplicate id stores nothing, and the monitor's watermark
 * is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerStore, PartyQuery, Stores } from '../core/index.js';
import type { StoreImplementation } from './store-implementations.js';

const source = { path: 'customers.csv', sha256: 'a'.repeat(64), bytes: 120 };
const base: PartyQuery[] = [
  { id: 'C1', name: 'Juan Perez', schema: 'Person', birthDate: '1970-01-02', nationality: 'Mexico' },
  { id: 'C2', name: 'ACME IMPORTS S.A. DE C.V.', schema: 'Company', country: 'MX', idNumber: 'AIM010101AB1' },
  { id: 'C3', name: 'Maria Lopez', gender: 'female' },
];

/**
 * @example
 * for (const impl of storeImplementations()) runCustomerStoreConformance(impl);
 */
export function runCustomerStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} CustomerStore (conformance)`, () => {
    let stores: Stores | undefined;
    const open = async (): Promise<CustomerStore> => {
      stores = await implementation.open();
      return stores.customers;
    };
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('starts empty', async () => {
      const s = await open();
      expect(await s.versions()).toEqual([]);
      expect(await s.latestBase()).toBeUndefined();
      expect(await s.monitorState()).toBeUndefined();
    });

    it('stores a base as a version and gives its customers back by number and in pages', async () => {
      const s = await open();
      const v1 = await s.importBase(source, base);
      expect(v1).toMatchObject({ id: 1, source, customerCount: 3 });
      expect(await s.customersByNumber(v1.id, [2, 0])).toEqual([base[2], base[0]]);
      expect(await s.customers(v1.id, { from: 1, limit: 10 })).toEqual([base[1], base[2]]);
      const v2 = await s.importBase({ ...source, sha256: 'b'.repeat(64) }, base.slice(0, 1));
      expect(v2.id).toBe(2);
      expect((await s.latestBase())?.id).toBe(2);
      expect((await s.versions()).map((v) => v.customerCount)).toEqual([3, 1]);
      // The older version keeps its customers.
      expect(await s.customers(v1.id, { from: 0, limit: 10 })).toHaveLength(3);
      await expect(s.customersByNumber(v2.id, [1])).rejects.toThrow(/no customer number 1/);
    });

    it('stores nothing when an id repeats', async () => {
      const s = await open();
      await expect(s.importBase(source, [...base, { id: 'C1', name: 'Other' }])).rejects.toThrow(/C1/);
      expect(await s.versions()).toEqual([]);
    });

    it('keeps the monitor watermark', async () => {
      const s = await open();
      const state = {
        customerVersion: 1,
        lists: { 'us-ofac-sdn': 3, 'un-sc': 4 },
        monitoredAt: '2026-12-01T22:00:00.000Z',
      };
      await s.saveMonitorState(state);
      expect(await s.monitorState()).toEqual(state);
      await s.saveMonitorState({ ...state, customerVersion: 2 });
      expect((await s.monitorState())?.customerVersion).toBe(2);
    });
  });
}
