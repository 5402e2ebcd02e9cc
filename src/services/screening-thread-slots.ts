/**
 * Screening threads for a worker that runs several chunks at once (`worker --concurrency N`):
 * screening is CPU work, so N chunks in one process need N threads to use N cores. One slot per
 * chunk in flight, each with its own one-thread pool over the pinned versions (a pool screens one
 * batch at a time); a slot keeps the pool of the version set it last used — a worker mostly serves
 * one job at a time — and starts another when a chunk of other versions arrives. The pool's
 * threads open the same snapshot as the in-thread screener, so results are identical.
 */
import type { BatchScreeningPool } from '../screening/index.js';
import type { ChunkScreen } from './job-run-chunk.js';
import type { PinnedScreeners } from './pinned-screener.js';

interface Slot {
  key?: string;
  pool?: Promise<BatchScreeningPool>;
}

/**
 * @example
 * const slots = new ScreeningThreadSlots(screeners, 2);
 * await slots.with((screen) => runJobChunk(stores, screeners, delivery, screen));
 */
export class ScreeningThreadSlots {
  private readonly slots: Slot[];
  private readonly free: number[];

  constructor(
    private readonly screeners: PinnedScreeners,
    size: number,
  ) {
    this.slots = Array.from({ length: size }, () => ({}));
    this.free = this.slots.map((_, i) => i);
  }

  /** Runs `use` with a free slot's screen; callers never exceed `size` at once. */
  async with<T>(use: (screen: ChunkScreen) => Promise<T>): Promise<T> {
    const index = this.free.pop();
    if (index === undefined) throw new Error('more chunks in flight than screening slots');
    try {
      return await use((ids, queries, options) => this.screen(this.slots[index]!, ids, queries, options));
    } finally {
      this.free.push(index);
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const pool = await slot.pool?.catch(() => undefined);
        slot.pool = undefined;
        await pool?.close();
      }),
    );
  }

  private async screen(
    slot: Slot,
    ids: readonly number[],
    queries: Parameters<ChunkScreen>[1],
    options: Parameters<ChunkScreen>[2],
  ) {
    const loaded = await this.screeners.loaded(ids);
    if (slot.key !== loaded.key || !slot.pool) {
      const old = slot.pool;
      slot.key = loaded.key;
      const screening = await import('../screening/index.js');
      slot.pool = screening.BatchScreeningPool.start(loaded.source, {
        workers: 1,
        screener: { reviews: loaded.reviews },
      });
      // A pool that failed to start is not kept: the next chunk tries again.
      slot.pool.catch(() => {
        slot.pool = undefined;
      });
      if (old) await (await old.catch(() => undefined))?.close();
    }
    const pool = await slot.pool;
    return pool.screenAll(queries, { ...options, chunkSize: 256 });
  }
}
