/**
 * What every AlertStore implementation shares beyond SQL: page sizes, the opaque keyset cursor,
 * and the (list, version) rows an alert is indexed under, so the SQLite and PostgreSQL stores
 * page, reject cursors and match list versions identically.
 */
import type { Alert, AlertSort } from '../core/index.js';
// The defining files, not the core barrel: opening the stores must not load zod.
import { defaultAlertPageSize, maxAlertPageSize } from '../core/alert-store.js';
import { InputError } from '../core/input-error.js';

/** The sort key column and direction of each sort; the id breaks ties. */
export const alertSortKeys: Record<
  AlertSort,
  {
    column: 'created_at' | 'score';
    descending: boolean;
    key: (row: { created_at: string; score: number }) => string | number;
  }
> = {
  newest: { column: 'created_at', descending: true, key: (r) => r.created_at },
  oldest: { column: 'created_at', descending: false, key: (r) => r.created_at },
  score: { column: 'score', descending: true, key: (r) => r.score },
};

/** The page size asked for, checked: 1 to `maxAlertPageSize` (larger is capped), default 100. */
export function alertPageSize(limit: number | undefined): number {
  if (limit === undefined) return defaultAlertPageSize;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InputError(`limit must be a whole number from 1 to ${maxAlertPageSize}`, { field: 'limit' });
  return Math.min(limit, maxAlertPageSize);
}

/** `us-ofac-sdn@3` → ['us-ofac-sdn', '3']; `us-ofac-sdn` → ['us-ofac-sdn', ''] (any version). */
export function splitListVersion(listVersion: string): [string, string] {
  const at = listVersion.lastIndexOf('@');
  return at > 0 ? [listVersion.slice(0, at), listVersion.slice(at + 1)] : [listVersion, ''];
}

/** The (list, version) rows an alert gets: one per list-version source, and (list, '') per list. */
export function listVersionRows(alert: Alert): [string, string][] {
  const rows: [string, string][] = [];
  const lists = new Set<string>();
  for (const source of alert.sources) {
    if (source.version === undefined) continue;
    rows.push([source.name, source.version]);
    lists.add(source.name);
  }
  for (const list of lists) rows.push([list, '']);
  return rows;
}

/** Opaque to callers: the sort it belongs to and the last row's sort key and id. */
export function encodeAlertCursor(sort: AlertSort, key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

export function decodeAlertCursor(cursor: string, sort: AlertSort): [string | number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sort &&
    (typeof parsed[1] === 'string' || typeof parsed[1] === 'number') &&
    (sort === 'score') === (typeof parsed[1] === 'number') &&
    typeof parsed[2] === 'string'
  ) {
    return [parsed[1], parsed[2]];
  }
  throw new InputError('not a cursor from a previous page of this listing and sort', { field: 'cursor' });
}
