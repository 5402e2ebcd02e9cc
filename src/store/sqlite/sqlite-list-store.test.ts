import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '../../core/index.js';
import { openStores } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteListStore on a file', () => {
  it('keeps versions across close and reopen', async () => {
    const path = join(dir, 'reopen.sqlite');
    const first = await openStores(path);
    const saved = await first.lists.saveVersion({
      list: 'in-house',
      format: 'csv',
      files: [],
      entities: [
        EntitySchema.parse({ id: 'X1', schema: 'Person', names: [{ full: 'JUAN PEREZ', kind: 'primary' }] }),
      ],
    });
    await first.close();
    const second = await openStores(path);
    expect(second.location).toBe(path);
    expect(await second.lists.version(saved.id)).toEqual(saved);
    expect((await second.lists.entity(saved.id, 'X1'))?.names[0]?.full).toBe('JUAN PEREZ');
    await second.close();
  });
});
