/**
 * Instant start: a screener opened from its snapshot (in this thread or in worker threads sharing
 * its memory) gives exactly the results of the screener built from the entities; a changed list
 * version, a damaged file or another key is never reused.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PartyQuery } from '../core/index.js';
import { KeyTable } from './index/key-table.js';
import { type PreparedName, prepareName } from './matching/index.js';
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
  { list: 'test-list', version: '7', entities: testEntities.slice(0, 5) },
  { list: 'other-list', version: '2', entities: testEntities.slice(5) },
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
    // A name with initials written together carries its reading with them apart, token ids and all.
    const initials = prepareName('PUTIN, VV', 'Person');
    expect(initials.initialsApart).toBeDefined();
    expect(decodePrepared(encodePrepared(initials))).toEqual(initials);
  });

  it('decodes a prepared alias with the properties in the order prepareName gives them (one hidden class for both)', () => {
    const keyOrders = (name: PreparedName): string[][] => [
      Object.keys(name),
      ...name.nicknames.flatMap(keyOrders),
      ...(name.native ? keyOrders(name.native) : []),
    ];
    for (const [full, schema] of [
      ["OSEGUERA CERVANTES, Nemesio 'El Mencho'", 'Person'],
      ['金正恩', 'Person'],
      ['CARTEL DE JALISCO NUEVA GENERACION (a.k.a. CJNG)', 'Organization'],
    ] as const) {
      const prepared = prepareName(full, schema);
      expect(prepared.nicknames.length, full).toBeGreaterThan(0);
      expect(keyOrders(decodePrepared(encodePrepared(prepared))), full).toEqual(keyOrders(prepared));
    }
  });

  it("gives decoded aliases prepareName's hidden class, not a dictionary of properties", () => {
    // V8's own view of the objects (what the scorer's property reads run on), asked through its
    // natives syntax, which a function compiled after the flag is set may use.
    setFlagsFromString('--allow-natives-syntax');
    const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b) && %HasFastProperties(b)') as (
      a: PreparedName,
      b: PreparedName,
    ) => boolean;
    for (const entity of testEntities) {
      for (const name of entity.names) {
        const prepared = prepareName(name.full, entity.schema);
        expect(sameShape(prepared, decodePrepared(encodePrepared(prepared))), name.full).toBe(true);
      }
    }
  });

  it('is built on the first open, then opened from the file, with the same results', async () => {
    let loads = 0;
    const folder = join(dir, 'same');
    const first = await openOrBuildScreener(folder, versions, () => {
      loads++;
      return lists;
    });
    expect(first.source).toBe('built');
    const second = await openOrBuildScreener(folder, versions, () => {
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

  it('is rebuilt when a list version changes; the newest four snapshots are kept', async () => {
    const folder = join(dir, 'changed');
    await openOrBuildScreener(folder, versions, () => lists);
    const keys = [screenerSnapshotKey(versions)];
    for (let v = 3; v <= 7; v++) {
      const changed = [versions[0]!, { ...versions[1]!, version: String(v), contentHash: `other-${v}` }];
      keys.push(screenerSnapshotKey(changed));
      const rebuilt = await openOrBuildScreener(folder, changed, () =>
        lists.map((l, i) => (i === 1 ? { ...l, version: String(v) } : l)),
      );
      expect(rebuilt.source).toBe('built');
    }
    expect(new Set(keys).size).toBe(6);
    const kept = keys
      .slice(2)
      .map((k) => `${k}.snapshot`)
      .sort();
    // Each kept snapshot with the note of its checked hashes (screener-snapshot-file.ts); none else.
    expect(readdirSync(folder).sort()).toEqual(kept.flatMap((f) => [f, `${f}.verified`]).sort());
  });

  it('is rebuilt when its head is damaged; a damaged record is refused when read', async () => {
    const folder = join(dir, 'damaged');
    const built = await openOrBuildScreener(folder, versions, () => lists);
    const good = readFileSync(built.path);
    const bodyStart = 12 + good.readUInt32LE(8);
    const headFlipped = Buffer.from(good);
    headFlipped[bodyStart + 10] = headFlipped[bodyStart + 10]! ^ 0xff;
    writeFileSync(built.path, headFlipped);
    expect((await openOrBuildScreener(folder, versions, () => lists)).source).toBe('built');
    writeFileSync(built.path, 'not a snapshot');
    expect((await openOrBuildScreener(folder, versions, () => lists)).source).toBe('built');
    // The last entity's record: opening does not read it, screening it does.
    const recordFlipped = Buffer.from(readFileSync(built.path));
    const header = JSON.parse(recordFlipped.toString('utf8', 12, bodyStart)) as {
      sections: Array<{ name: string; offset: number; bytes: number }>;
    };
    const records = header.sections.find((x) => x.name === 'entities.records')!;
    const at = bodyStart + records.offset + records.bytes - 3;
    recordFlipped[at] = recordFlipped[at]! ^ 0x01;
    writeFileSync(built.path, recordFlipped);
    const opened = await openOrBuildScreener(folder, versions, () => lists);
    expect(opened.source).toBe('snapshot');
    const lastEntity = lists.flatMap((l) => l.entities).at(-1)!;
    expect(() => opened.screener.screen({ id: 'x', name: lastEntity.names[0]!.full })).toThrow(/damaged/);
    expect(existsSync(built.path)).toBe(true);
  });

  it('is shared by worker threads, which give the in-process results', async () => {
    const { snapshot } = await openOrBuildScreener(join(dir, 'workers'), versions, () => lists);
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
