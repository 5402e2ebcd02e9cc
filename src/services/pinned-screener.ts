/**
 * The screener of exactly the list versions a job was submitted with. A distributed job must not
 * drift when a list is updated while it runs: every worker, whenever it joins, screens against the
 * pinned version ids, never "the newest". Built once per set of versions and kept (a worker runs
 * many chunks of the same job); on a store file it comes from the same snapshot `ScreenerCache`
 * uses, so a worker starts without re-preparing the lists, with every record read at once. Reviewed false positives are the
 * current ones: a review only ever suppresses a match an analyst has already cleared.
 */
import type { ListVersion, ReviewedFalsePositive, Stores } from '../core/index.js';
import type { Screener, ScreeningList, SnapshotBytes } from '../screening/index.js';
import { ServiceError } from './service-error.js';

/**
 * @example
 * const screeners = new PinnedScreeners(stores);
 * const screener = await screeners.get(job.pins.listVersionIds ?? []);
 */
/** A pinned screener and what screening threads open to screen with the same data. */
export interface PinnedScreener {
  screener: Screener;
  /** The snapshot (a store file) or the lists with their entities (no file to keep one beside). */
  source: SnapshotBytes | ScreeningList[];
  reviews: ReviewedFalsePositive[];
  /** The sorted version ids, naming this set. */
  key: string;
}

export class PinnedScreeners {
  private readonly built = new Map<string, Promise<PinnedScreener>>();

  constructor(
    private readonly stores: Stores,
    /** How many version sets to keep (a worker serves one job at a time, mostly). */
    private readonly keep = 4,
  ) {}

  /** The screener over the versions `ids`; a `not-found` ServiceError when one is no longer stored. */
  async get(ids: readonly number[]): Promise<Screener> {
    return (await this.loaded(ids)).screener;
  }

  /** The pinned screener with its source, for screening threads. */
  async loaded(ids: readonly number[]): Promise<PinnedScreener> {
    const key = [...ids].sort((a, b) => a - b).join(',');
    let building = this.built.get(key);
    if (!building) {
      building = this.build(ids, key);
      this.built.set(key, building);
      building.catch(() => {
        if (this.built.get(key) === building) this.built.delete(key);
      });
      while (this.built.size > this.keep) this.built.delete(this.built.keys().next().value as string);
    }
    return building;
  }

  private async build(ids: readonly number[], key: string): Promise<PinnedScreener> {
    if (ids.length === 0)
      throw new ServiceError('invalid', 'the job pins no list versions to screen against');
    const versions: ListVersion[] = [];
    for (const id of ids) {
      const v = await this.stores.lists.version(id);
      if (!v)
        throw new ServiceError(
          'not-found',
          `list version ${id} the job was submitted with is not in the store at ${this.stores.location}`,
        );
      versions.push(v);
    }
    const screening = await import('../screening/index.js');
    const reviews = await this.stores.reviews.reviews();
    const load = async (): Promise<ScreeningList[]> => {
      const lists: ScreeningList[] = [];
      for (const v of versions)
        lists.push({ list: v.list, version: String(v.id), entities: await this.stores.lists.entities(v.id) });
      return lists;
    };
    if (this.stores.cacheLocation === ':memory:') {
      const lists = await load();
      return { screener: screening.createScreener(lists, { reviews }), source: lists, reviews, key };
    }
    const opened = await screening.openOrBuildScreener(
      screening.snapshotFolder(this.stores.cacheLocation),
      versions.map((v) => ({ list: v.list, version: String(v.id), contentHash: v.contentHash })),
      load,
      { reviews },
    );
    if (opened.source === 'built')
      return { screener: opened.screener, source: opened.snapshot, reviews, key };
    // A worker screens thousands of names per chunk: its records are read in one go, as the batch
    // pool's threads do, rather than one small read per candidate as a one-name screen does.
    const full = screening.withAllRecords(opened.snapshot);
    return { screener: screening.openScreenerSnapshot(full, { reviews }), source: full, reviews, key };
  }
}
