/**
 * Where the online update remembers each URL's ETag and Last-Modified, so the next run can ask
 * "changed since?" and a 304 costs nothing. Handed in by the caller (SQLite in the CLI).
 */

/** The HTTP validators last seen for one URL whose content was imported successfully. */
export interface HttpValidators {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the content was last fetched and imported (ISO time). */
  fetchedAt: string;
}

export interface HttpValidatorStore {
  validators(url: string): HttpValidators | undefined;
  /** Saves validators for several URLs at once (all or nothing). */
  saveValidators(entries: HttpValidators[]): void;
}
