/**
 * One screener per set of list versions and reviewed false positives. A one-off command builds it
 * once; a long-running server asks before each screening and gets the same screener back until an
 * import or a review changes what it was built from (two cheap store reads decide), then one rebuild.
 * On a store file the screener comes from the snapshot beside it (instant start: nothing is
 * prepared, entities are not even read), built by the first process that needs it.
 */
import type { ListVersion, ReviewedFalsePositive, Stores } from '../core/index.js';
import type { Screener, ScreeningList, SnapshotBytes } from '../screening/index.js';
import { loadScreeningLists, screeningVersions } from './screening-lists.js';

/** A built screener with everything it was built from (the batch pool's workers need the same). */
export interface LoadedScreener {
  screener: Screener;
  /**
   * What batch workers open: the snapshot in shared memory (a store file), or the lists with their
   * entities (an in-memory store, where there is no file to keep a snapshot beside).
   */
  source: SnapshotBytes | ScreeningList[];
  versions: ListVersion[];
  reviews: ReviewedFalsePositive[];
  /** The list version ids and review revision it was built from. */
  key: string;
}

/**
 * @example
 * const screeners = new ScreenerCache(stores);
 * const { screener } = await screeners.current();              // builds
 * const again = await screeners.current();                     // same screener until lists or reviews change
 */
export class ScreenerCache {
  private readonly built = new Map<string, Promise<LoadedScreener>>();

  constructor(private readonly stores: Stores) {}

  /** The screener over the newest versions of every list, or of `only` those lists. */
  async current(only: readonly string[] = []): Promise<LoadedScreener> {
    const scope = [...only].sort().join(',');
    const versions = await screeningVersions(this.stores, only);
    const key = `${versions.map((v) => v.id).join(',')}|${await this.stores.reviews.revision()}`;
    const cached = this.built.get(scope);
    if (cached) {
      const loaded = await cached.catch(() => undefined);
      if (loaded?.key === key) return loaded;
    }
    const building = this.build(only, key);
    this.built.set(scope, building);
    // A failed build is not kept: the next call tries again.
    building.catch(() => {
      if (this.built.get(scope) === building) this.built.delete(scope);
    });
    return building;
  }

  private async build(only: readonly string[], key: string): Promise<LoadedScreener> {
    const screening = await import('../screening/index.js');
    const reviews = await this.stores.reviews.reviews();
    if (this.stores.cacheLocation === ':memory:') {
      const { lists, versions } = await loadScreeningLists(this.stores, only);
      return {
        screener: screening.createScreener(lists, { reviews }),
        source: lists,
        versions,
        reviews,
        key,
      };
    }
    const versions = await screeningVersions(this.stores, only);
    const opened = await screening.openOrBuildScreener(
      screening.snapshotFolder(this.stores.cacheLocation),
      versions.map((v) => ({ list: v.list, version: String(v.id), contentHash: v.contentHash })),
      async () => (await loadScreeningLists(this.stores, only)).lists,
      { reviews },
    );
    return { screener: opened.screener, source: opened.snapshot, versions, reviews, key };
  }
}
