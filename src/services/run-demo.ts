/**
 * The quick start's work on embedded defaults: the sample watchlist imported as a list version, the
 * sample customers screened against it with reviewed false positives honoured, and every customer
 * with a match returned (and recorded in the alert queue) with its best three results.
 */
import type { ListVersion, RowReject, ScreeningMatch, Stores } from '../core/index.js';
import { importPublication, readPublication } from './import-list.js';
import { ScreenerCache } from './screener-cache.js';
import { screeningAlerts } from './screening-alerts.js';

export interface DemoCustomerAlert {
  line: number;
  id: string;
  name: string;
  matches: ScreeningMatch[];
}

export interface DemoRun {
  version: ListVersion;
  threshold: number;
  /** Customer rows read, rejected ones included. */
  rows: number;
  rejects: RowReject[];
  alerts: DemoCustomerAlert[];
}

/**
 * @example
 * const run = await runDemo(stores, { watchlist: 'data/sample/sample-watchlist.csv', customers: 'data/sample/sample-customers.csv' });
 */
export async function runDemo(
  stores: Stores,
  files: { watchlist: string; customers: string },
): Promise<DemoRun> {
  const { DEFAULT_THRESHOLD } = await import('../screening/index.js');
  const { readBatchFile } = await import('./party-batch-file.js');
  const parsed = await readPublication([files.watchlist], { format: 'csv', list: 'sample-watchlist' });
  const { version } = await importPublication(stores, parsed);
  const { screener } = await new ScreenerCache(stores).current([version.list]);
  const rows = readBatchFile(files.customers);
  const threshold = DEFAULT_THRESHOLD;
  const createdAt = new Date().toISOString();
  const alerts: DemoCustomerAlert[] = [];
  const rejects: RowReject[] = [];
  const queued = [];
  for (const row of rows) {
    if (!('query' in row)) {
      rejects.push(row.reject);
      continue;
    }
    const matches = screener.screen(row.query, { threshold, limit: 3 });
    if (!matches.some((m) => m.match)) continue;
    alerts.push({ line: row.line, id: row.query.id, name: row.query.name, matches });
    queued.push(...screeningAlerts(row.query, matches, { threshold, createdAt, input: files.customers }));
  }
  await stores.alerts.append(queued);
  return { version, threshold, rows: rows.length, rejects, alerts };
}
