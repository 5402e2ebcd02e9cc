import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '../../core/index.js';
import { runListStoreConformance } from '../list-store.case.js';
import { openListStore } from '../index.js';
import { openSqlite } from './sqlite-database.js';
import { SqliteListStore } from './sqlite-list-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runListStoreConformance(
  'SqliteListStore',
  () => new SqliteListStore(openSqlite(join(dir, `s${++n}.sqlite`)), true),
);

describe('SqliteListStore on a file', () => {
  it('keeps versions across close and reopen', () => {
    const path = join(dir, 'reopen.sqlite');
    const first = openListStore(path);
    const saved = first.saveVersion({
      list: 'in-house',
      format: 'csv',
      files: [],
      entities: [
        EntitySchema.parse({ id: 'X1', schema: 'Person', names: [{ full: 'JUAN PEREZ', kind: 'primary' }] }),
      ],
    });
    first.close();
    const second = openListStore(path);
    expect(second.version(saved.id)).toEqual(saved);
    expect(second.entity(saved.id, 'X1')?.names[0]?.full).toBe('JUAN PEREZ');
    second.close();
  });
});
