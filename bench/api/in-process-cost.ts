/**
 * The in-process cost of screening one name against the same store `serve` uses: the screener
 * built from the store's latest list versions, names screened one by one on one core with no
 * HTTP — the figure the HTTP throughput is read against.
 */
import type { PartyQuery } from '../../src/core/index.js';
import { createScreener } from '../../src/screening/index.js';
import { openStores } from '../../src/store/index.js';
import { percentile } from '../screening/screening-bench-data.js';

export async function inProcessCost(
  db: string,
  names: PartyQuery[],
): Promise<{ meanMs: number; p99Ms: number }> {
  const stores = await openStores(db);
  try {
    const versions = await stores.lists.latestVersions();
    const lists = await Promise.all(
      versions.map(async (v) => ({
        list: v.list,
        version: String(v.id),
        entities: await stores.lists.entities(v.id),
      })),
    );
    const screener = createScreener(lists, { reviews: await stores.reviews.reviews() });
    for (const q of names.slice(0, 200)) screener.screen(q); // warm
    const times: number[] = [];
    const started = performance.now();
    for (const q of names) {
      const t = performance.now();
      screener.screen(q);
      times.push(performance.now() - t);
    }
    const meanMs = (performance.now() - started) / names.length;
    times.sort((a, b) => a - b);
    return { meanMs, p99Ms: percentile(times, 99) };
  } finally {
    await stores.close();
  }
}
