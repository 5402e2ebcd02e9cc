/**
 * The storage contract for controlled-goods catalog versions, like watchlist versions: a
 * regulator imports an edited catalog (a newly scheduled chemical) and every alert names the
 * version it was computed with. The store keeps documents whole; the goods service validates them.
 */

export interface GoodsCatalogVersion {
  /** Monotonic per store; shown to users as `<label>@<id>`, e.g. `2026.12.01@1`. */
  id: number;
  /** The catalog's own version label. */
  label: string;
  name: string;
  importedAt: string;
  /** File the version was imported from (`(shipped)` for the catalog Sentinela ships). */
  source: string;
  /** sha256 of the canonical JSON, so re-importing identical content is recognised. */
  contentHash: string;
  chemicals: number;
  dualUse: number;
}

export type NewGoodsCatalogVersion = Omit<GoodsCatalogVersion, 'id' | 'importedAt'> & {
  /** The catalog document as imported (validated by the caller). */
  document: unknown;
  importedAt?: string;
};

export interface GoodsCatalogStore {
  /**
   * Stores a new version unless the newest stored one has the same content hash, in which case
   * that one is returned with `created: false`.
   */
  save(version: NewGoodsCatalogVersion): Promise<{ version: GoodsCatalogVersion; created: boolean }>;
  /** Oldest first. */
  versions(): Promise<GoodsCatalogVersion[]>;
  version(id: number): Promise<GoodsCatalogVersion | undefined>;
  latest(): Promise<GoodsCatalogVersion | undefined>;
  /** The stored document of a version. */
  document(id: number): Promise<unknown | undefined>;
}

/** `2026.12.01@3`: what alerts quote as their catalog version. */
export function goodsCatalogVersionName(v: Pick<GoodsCatalogVersion, 'label' | 'id'>): string {
  return `${v.label}@${v.id}`;
}
