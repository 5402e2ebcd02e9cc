/**
 * The stored customer base a bank monitors: imported whole from a file (the same columns as
 * `screen --input`) as numbered versions, like list versions, so every monitoring run says which
 * base it screened; and the monitor's watermark (the list and base versions it last screened), so
 * the next run screens only what changed since.
 */
import type { PartyQuery } from './party-query.js';

/** One imported customer base. */
export interface CustomerBaseVersion {
  /** Monotonic per store, from 1. */
  id: number;
  importedAt: string;
  /** The file it was imported from and its SHA-256. */
  source: { path: string; sha256: string; bytes: number };
  customerCount: number;
}

/** What the last monitoring run screened: the base version and each list's version. */
export interface MonitorState {
  customerVersion: number;
  /** List name → list version id screened. */
  lists: Record<string, number>;
  /** ISO time of the run. */
  monitoredAt: string;
}

/**
 * Storage of customer bases. Customers are numbered 0…n-1 in file order within a version; the
 * number is how a customer index refers to a customer. Implementations:
 * `store/sqlite/sqlite-customer-store.ts`; every one passes `store/customer-store.case.ts`.
 *
 * @example
 * const version = await stores.customers.importBase({ path, sha256, bytes }, customers);
 * const [first] = await stores.customers.customersByNumber(version.id, [0]);
 */
export interface CustomerStore {
  /** Stores a whole base as a new version in one transaction (all or nothing); ids must be unique. */
  importBase(
    source: CustomerBaseVersion['source'],
    customers: readonly PartyQuery[],
  ): Promise<CustomerBaseVersion>;
  /** Versions, oldest first. */
  versions(): Promise<CustomerBaseVersion[]>;
  latestBase(): Promise<CustomerBaseVersion | undefined>;
  /** Customers by number, in the order asked; an unknown number is an error. */
  customersByNumber(versionId: number, numbers: readonly number[]): Promise<PartyQuery[]>;
  /** Customers numbered from `from`, at most `limit`, in number order (for reading a base in pages). */
  customers(versionId: number, page: { from: number; limit: number }): Promise<PartyQuery[]>;
  monitorState(): Promise<MonitorState | undefined>;
  saveMonitorState(state: MonitorState): Promise<void>;
}
