/** List imports and screen-review decisions enter the audit trail like every other change. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../core/index.js';
import { openSqliteStores } from '../store/sqlite/sqlite-stores.js';
import { verifyAudit } from './audit-verify.js';
import { importPublication, readPublication } from './import-list.js';
import { recordReview } from './screening-reviews.js';

let dir: string;
let stores: Stores;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-list-audit-'));
  stores = openSqliteStores(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit of list imports and reviews', () => {
  it('records a new version once (not an unchanged re-import) and a review decision', async () => {
    const file = resolve(import.meta.dirname, '../lists/fixtures/custom-sample.csv');
    const parsed = await readPublication([file], { list: 'in-house' });
    const first = await importPublication(stores, parsed, { actor: 'admin' });
    expect(first.status).toBe('created');
    expect((await importPublication(stores, parsed)).status).toBe('unchanged');
    const entity = parsed.entities[0]!;
    await recordReview(stores, {
      query: { id: 'q1', name: 'Someone Else' },
      list: 'in-house',
      entityId: entity.id,
      analyst: 'ana',
      reason: 'different person',
    });
    const entries = await stores.audit.entries();
    expect(entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['admin', 'list.import', `list:in-house@${first.version.id}`],
      ['ana', 'review.record', `review:in-house:${entity.id}`],
    ]);
    expect(entries[0]!.after).toMatchObject({
      contentHash: first.version.contentHash,
      entityCount: parsed.entities.length,
    });
    expect((await verifyAudit(stores)).ok).toBe(true);
  });
});
