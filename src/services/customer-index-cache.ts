/**
 * The customer name index of a stored base, kept as a snapshot beside the store: built when a base
 * is imported (or on first need), opened by every monitoring run without preparing a name.
 */
import { join } from 'node:path';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { CustomerBaseVersion, Stores } from '../core/index.js';
import {
  CustomerIndexBuilder,
  type NameIndex,
  openCustomerIndex,
  screenerSnapshotKey,
  snapshotFolder,
  writeCustomerIndex,
} from '../screening/index.js';

/** Customers read from the store per page while building. */
const PAGE = 10_000;

function keyOf(version: CustomerBaseVersion): string {
  return screenerSnapshotKey([
    { list: 'customer-base', version: String(version.id), contentHash: version.source.sha256 },
  ]);
}

function pathOf(location: string, version: CustomerBaseVersion): string | undefined {
  return location === ':memory:'
    ? undefined
    : join(snapshotFolder(location), `customers-${version.id}.snapshot`);
}

/**
 * The index over `version`'s customers: opened from its snapshot, else built from the store (and
 * written for the next run). `built` says which.
 *
 * @example
 * const { index } = await customerIndexFor(stores, await stores.customers.latestBase());
 */
export async function customerIndexFor(
  stores: Stores,
  version: CustomerBaseVersion,
): Promise<{ index: NameIndex; built: boolean }> {
  const key = keyOf(version);
  const path = pathOf(stores.cacheLocation, version);
  const cached = path ? openCustomerIndex(key, path) : undefined;
  if (cached) return { index: cached, built: false };
  const builder = new CustomerIndexBuilder();
  for (let from = 0; from < version.customerCount; from += PAGE) {
    for (const customer of await stores.customers.customers(version.id, { from, limit: PAGE }))
      builder.add(customer);
  }
  const index = builder.build();
  if (path) {
    const folder = snapshotFolder(stores.cacheLocation);
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder)) {
      if (old.startsWith('customers-') && old.endsWith('.snapshot'))
        rmSync(join(folder, old), { force: true });
    }
    writeCustomerIndex(index, key, path);
  }
  return { index, built: true };
}
