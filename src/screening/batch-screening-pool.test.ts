import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartyQuery } from '../core/index.js';
import { BatchScreeningPool, defaultWorkerCount } from './batch-screening-pool.js';
import { createScreener } from './screener.js';
import { testEntities, unlistedNames } from './screener-test-entities.js';

const lists = [{ list: 'test-list', version: '1', entities: testEntities }];
const names = ['Joaquin Guzman', 'Ismael Zambada', 'CJNG', 'Northern Star', 'El Mencho', ...unlistedNames];
const rows: PartyQuery[] = Array.from({ length: 403 }, (_, i) => ({
  id: `r${i}`,
  name: names[i % names.length]!,
}));

describe('BatchScreeningPool (real worker threads)', () => {
  let pool: BatchScreeningPool;
  beforeAll(async () => {
    pool = await BatchScreeningPool.start(lists, { workers: 2 });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('starts the requested number of workers, each with its own index', () => {
    expect(pool.size).toBe(2);
    expect(pool.buildMs).toHaveLength(2);
  });

  it('returns one result per row, in input order, equal to in-process screening', async () => {
    const emitted: number[] = [];
    let lastProgress = 0;
    const results = await pool.screenAll(rows, {
      chunkSize: 16,
      onResults: (first, chunk) => emitted.push(first, chunk.length),
      onProgress: (done) => {
        lastProgress = done;
      },
    });
    expect(results).toHaveLength(rows.length);
    const local = createScreener(lists);
    results.forEach((result, i) => {
      expect('matches' in result).toBe(true);
      if ('matches' in result) {
        expect(result.matches.map((m) => m.entityId)).toEqual(local.screen(rows[i]!).map((m) => m.entityId));
      }
    });
    // Emitted strictly in order and covering every row exactly once.
    const firsts = emitted.filter((_, i) => i % 2 === 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(emitted.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(lastProgress).toBe(rows.length);
  });

  it('keeps the results of overlapping calls apart (a call made before the last one finished)', async () => {
    const first = rows.slice(0, 200);
    const second = rows.slice(200).map((r) => ({ ...r, name: `${r.name} Trading` }));
    const [a, b] = await Promise.all([
      pool.screenAll(first, { chunkSize: 8 }),
      pool.screenAll(second, { chunkSize: 8 }),
    ]);
    const local = createScreener(lists);
    const ids = (results: typeof a) =>
      results.map((r) => ('matches' in r ? r.matches.map((m) => m.entityId).join() : 'error'));
    const expected = (queries: PartyQuery[]) => ids(queries.map((q) => ({ matches: local.screen(q) })));
    expect(ids(a)).toEqual(expected(first));
    expect(ids(b)).toEqual(expected(second));
  });

  it('reports a row that fails to screen instead of dropping it', async () => {
    const bad = [{ id: 'ok', name: 'Joaquin Guzman' }, { id: 'bad', name: null } as unknown as PartyQuery];
    const results = await pool.screenAll(bad);
    expect(results).toHaveLength(2);
    expect('matches' in results[0]!).toBe(true);
    expect('error' in results[1]!).toBe(true);
  });

  it('handles an empty batch', async () => {
    expect(await pool.screenAll([])).toEqual([]);
  });
});

describe('defaultWorkerCount', () => {
  it('starts one worker per free core, never fewer than one nor more than the cores', () => {
    expect(defaultWorkerCount(2, 0)).toBe(2);
    expect(defaultWorkerCount(2, 0.4)).toBe(2);
    expect(defaultWorkerCount(2, 0.9)).toBe(1);
    expect(defaultWorkerCount(2, 18)).toBe(1);
    expect(defaultWorkerCount(8, 3)).toBe(5);
    expect(defaultWorkerCount(1, 0)).toBe(1);
  });
});
