/**
 * Instant start: a screener opened from its snapshot (in this thread or in worker threads sharing
 * its memory) gives exactly the results of the screener built from the entities; a changed list
 * version, a damaged file or another key is never reused.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PartyQuery } from '../core/index.js';
import { KeyTable } from './index/key-table.js';
import { prepareName } from './matching/index.js';
import { BatchScreeningPool } from './batch-screening-pool.js';
import { createScreener, type ScreeningList } from './screener.js';
import {
  decodePrepared,
  encodePrepared,
  openOrBuildScreener,
  type SnapshotListVersion,
  screenerSnapshotKey,
} from './screener-snapshot.js';
import { testEntities, unlistedNames } from './screener-test-entities.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lists: ScreeningList[] = [
  { list: 'test-list', version: '7', entities: testEntities.slice(0, 10) },
  { list: 'other-list', version: '2', entities: testEntities.slice(10) },
];
const versions: SnapshotListVersion[] = lists.map((l) => ({
  list: l.list,
  version: l.version,
  contentHash: `hash-${l.list}-${l.version}`,
}));
const queryNames = [
  'Joaquin Guzman',
  'GUZMAN, Joaquin',
  'El Chapo',
  'Ismael Zambada',
  'CJNG',
  'El Mencho',
  'Northern Star',
  ...testEntities.flatMap((e) => e.names.map((n) => n.full)),
  ...unlistedNames,
];
const queries: PartyQuery[] = queryNames.map((name, i) => ({ id: `q${i}`, name }));

describe('screener snapshot', () => {
  const fresh = createScreener(lists);

  it('round-trips every prepared alias exactly (token ids recomputed in this process)', () => {
    for (const entity of testEntities) {
      for (const name of entity.names) {
        const prepared = prepareName(name.full, entity.schema);
        expect(decodePrepared(encodePrepared(prepared)), name.full).toEqual(prepared);
      }
    }
  });

  it('is built on the first open, then opened from the file, with the same results', () => {
    let loads = 0;
    const folder = join(dir, 'same');
    const first = openOrBuildScreener(folder, versions, () => {
      loads++;
      return lists;
    });
    expect(first.source).toBe('built');
    const second = openOrBuildScreener(folder, versions, () => {
      loads++;
      return lists;
    });
    expect(second.source).toBe('snapshot');
    expect(loads).toBe(1);
    expect(second.screener.entityCount).toBe(fresh.entityCount);
    expect(second.screener.aliasCount).toBe(fresh.aliasCount);
    for (const query of queries) {
      const options = { minScore: 0.3, limit: 20 };
      expect(second.screener.screen(query, options), query.name).toEqual(fresh.screen(query, options));
    }
    expect(second.screener.screen({ id: 'x', name: 'El Chapo' })[0]).toMatchObject({
      entityId: 'P1',
      list: 'test-list',
      listVersion: '7',
    });
  });

  it('is rebuilt when a list version changes, and the old snapshot is removed', () => {
    const folder = join(dir, 'changed');
    openOrBuildScreener(folder, versions, () => lists);
    const changed = [versions[0]!, { ...versions[1]!, version: '3', contentHash: 'other' }];
    expect(screenerSnapshotKey(changed)).not.toBe(screenerSnapshotKey(versions));
    const rebuilt = openOrBuildScreener(folder, changed, () =>
      lists.map((l, i) => (i === 1 ? { ...l, version: '3' } : l)),
    );
    expect(rebuilt.source).toBe('built');
    expect(readdirSync(folder)).toEqual([`${screenerSnapshotKey(changed)}.snapshot`]);
  });

  it('is rebuilt when the file is damaged (its body hash no longer agrees)', () => {
    const folder = join(dir, 'damaged');
    const built = openOrBuildScreener(folder, versions, () => lists);
    const bytes = readFileSync(built.path);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    writeFileSync(built.path, bytes);
    expect(openOrBuildScreener(folder, versions, () => lists).source).toBe('built');
    writeFileSync(built.path, 'not a snapshot');
    expect(openOrBuildScreener(folder, versions, () => lists).source).toBe('built');
    expect(existsSync(built.path)).toBe(true);
  });

  it('is shared by worker threads, which give the in-process results', async () => {
    const { snapshot } = openOrBuildScreener(join(dir, 'workers'), versions, () => lists);
    const pool = await BatchScreeningPool.start(snapshot, { workers: 2 });
    try {
      const results = await pool.screenAll(queries, { chunkSize: 8, minScore: 0.5 });
      results.forEach((result, i) => {
        expect(result, queries[i]!.name).toEqual({ matches: fresh.screen(queries[i]!, { minScore: 0.5 }) });
      });
    } finally {
      await pool.close();
    }
  });
});

describe('KeyTable', () => {
  it('finds every key by its id and nothing else', () => {
    const keys = ['guzman', 'loera', '', '\u0001v12', 'ñandú', 'x'.repeat(40)];
    const table = KeyTable.build(keys);
    keys.forEach((key, id) => {
      expect(table.get(key)).toBe(id);
      expect(table.key(id)).toBe(key);
    });
    expect(table.get('guzma')).toBeUndefined();
    expect(table.get('guzmann')).toBeUndefined();
    expect(table.size).toBe(keys.length);
  });
});
