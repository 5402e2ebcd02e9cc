import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite-database.js';
import { SqliteReviewStore } from './sqlite-review-store.js';

const base = {
  queryKey: 'q1',
  queryName: 'Juan Perez',
  list: 'in-house',
  entityId: 'E1',
  entityHash: 'h1',
  analyst: 'ana',
  reason: 'different birth date',
};

describe('SqliteReviewStore', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('records decisions and reads them back after reopening the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-review-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    const store = new SqliteReviewStore(openSqlite(path));
    store.record({ ...base, reviewedAt: '2026-01-01T00:00:00.000Z' });
    store.record({ ...base, queryKey: 'q2', entityId: 'E2', reviewedAt: '2026-01-02T00:00:00.000Z' });
    store.close();

    const reopened = new SqliteReviewStore(openSqlite(path));
    expect(reopened.reviews().map((r) => r.entityId)).toEqual(['E2', 'E1']);
    expect(reopened.reviews({ queryKey: 'q1' })).toEqual([
      { ...base, reviewedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    reopened.close();
  });

  it('replaces a repeated decision on the same query, entity and content', () => {
    const store = new SqliteReviewStore(openSqlite(':memory:'));
    store.record(base);
    store.record({ ...base, reason: 'confirmed again' });
    store.record({ ...base, entityHash: 'h2' });
    const reviews = store.reviews({ queryKey: 'q1' });
    expect(reviews).toHaveLength(2);
    expect(reviews.find((r) => r.entityHash === 'h1')?.reason).toBe('confirmed again');
    store.close();
  });
});
