import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStores } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteReviewStore on a file', () => {
  it('keeps decisions across close and reopen, and its revision mark with them', async () => {
    const path = join(dir, 'db.sqlite');
    const first = await openStores(path);
    await first.reviews.record({
      queryKey: 'q1',
      queryName: 'Juan Perez',
      list: 'in-house',
      entityId: 'E1',
      entityHash: 'h1',
      analyst: 'ana',
      reason: 'different birth date',
      reviewedAt: '2026-01-01T00:00:00.000Z',
    });
    const revision = await first.reviews.revision();
    await first.close();
    const second = await openStores(path);
    expect((await second.reviews.reviews()).map((r) => r.entityId)).toEqual(['E1']);
    expect(await second.reviews.revision()).toBe(revision);
    await second.close();
  });
});
