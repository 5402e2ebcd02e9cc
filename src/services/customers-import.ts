/**
 * `customers import`: stores a whole customer base as a new version (all or nothing) and builds its
 * name index for monitoring, so the next `monitor` run starts at once.
 */
import { createHash } from 'node:crypto';
import type { CustomerBaseVersion, PartyQuery, Stores } from '../core/index.js';
import { customerIndexFor } from './customer-index-cache.js';
import { ServiceError } from './service-error.js';

export interface CustomersImportInput {
  /** Where the file came from, and its bytes (hashed for the version record). */
  path: string;
  bytes: Buffer;
  /** Every customer of the file, in file order, already validated. */
  customers: readonly PartyQuery[];
}

export interface CustomersImportResult {
  version: CustomerBaseVersion;
  /** Seconds spent storing the base and building its name index. */
  storeSeconds: number;
  indexSeconds: number;
}

/**
 * @example
 * const { version } = await importCustomers(stores, { path: 'customers.csv', bytes, customers });
 */
export async function importCustomers(
  stores: Stores,
  input: CustomersImportInput,
): Promise<CustomersImportResult> {
  if (input.customers.length === 0) {
    throw new ServiceError('invalid', `${input.path}: no customers in the file; nothing imported`, {
      field: 'file',
    });
  }
  const started = performance.now();
  const version = await stores.customers.importBase(
    {
      path: input.path,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: input.bytes.length,
    },
    input.customers,
  );
  const stored = performance.now();
  await customerIndexFor(stores, version);
  return {
    version,
    storeSeconds: (stored - started) / 1000,
    indexSeconds: (performance.now() - stored) / 1000,
  };
}
