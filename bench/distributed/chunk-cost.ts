/**
 * Where a queue chunk's time goes, in one process and without the queue: the same 1000-row chunks
 * screened in the worker's thread (the pinned snapshot screener), on a one-thread pool slot (what
 * `--concurrency N` uses), and by the one-process path's pool over the whole file; plus the store
 * write of a chunk's results. Separates screening cost from queue and store cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PartyQuery } from '../../src/core/index.js';
import { PinnedScreeners } from '../../src/services/pinned-screener.js';
import { ScreeningThreadSlots } from '../../src/services/screening-thread-slots.js';
import { BatchScreeningPool, screenRows } from '../../src/screening/index.js';
import { openStores } from '../../src/store/index.js';
import {
  isMain,
  loadSanctionsLists,
  log,
  presentLists,
  readYenteCsv,
  sample,
  yenteQuery,
} from '../screening/screening-bench-data.js';

export async function chunkCost(names: number, chunkRows: number): Promise<void> {
  const lists = await loadSanctionsLists();
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-chunk-cost-'));
  try {
    const stores = await openStores(join(dir, 'c.sqlite'));
    const ids: number[] = [];
    for (const l of presentLists(lists))
      ids.push(
        (
          await stores.lists.saveVersion({
            list: l.list,
            format: 'ofac-csv',
            files: [],
            entities: l.entities,
          })
        ).id,
      );
    const queries: PartyQuery[] = sample(
      readYenteCsv('negatives_global.csv').map((r, i) => yenteQuery(r, `n${i}`)),
      names,
    );
    const chunks: PartyQuery[][] = [];
    for (let i = 0; i < queries.length; i += chunkRows) chunks.push(queries.slice(i, i + chunkRows));
    const options = { threshold: 0.7, limit: 10, exhaustive: false };
    const screeners = new PinnedScreeners(stores);
    const loaded = await screeners.loaded(ids);
    const time = async (what: string, f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      const s = (performance.now() - t) / 1000;
      log(`${what}: ${s.toFixed(2)} s, ${(names / s).toFixed(0)} names/s (load ${loadavg()[0]!.toFixed(2)})`);
    };
    await time('warm-up, in thread', async () => screenRows(loaded.screener, chunks[0]!, options));
    await time('in thread, chunk by chunk', async () => {
      for (const c of chunks) screenRows(loaded.screener, c, options);
    });
    const slots = new ScreeningThreadSlots(screeners, 1);
    await time('one-thread slot, chunk by chunk (start included)', async () => {
      for (const c of chunks) await slots.with((screen) => screen(ids, c, options));
    });
    await slots.close();
    const pool = await BatchScreeningPool.start(loaded.source, { workers: 1, screener: { reviews: [] } });
    await time('one-process pool, whole file', async () => pool.screenAll(queries, options));
    await pool.close();
    await stores.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url))
  await chunkCost(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 1000));
