/**
 * Where the online list update remembers each URL's ETag and Last-Modified, so the next run can ask
 * "changed since?" and a 304 costs nothing.
 */

/** The HTTP validators last seen for one URL whose content was imported successfully. */
export interface HttpValidators {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the content was last fetched and imported (ISO time). */
  fetchedAt: string;
}

/**
 * @example
 * const previous = await stores.validators.validators('https://…/SDN.CSV');
 * await stores.validators.saveValidators([{ url, etag: '"abc"', fetchedAt: new Date().toISOString() }]);
 */
export interface HttpValidatorStore {
  validators(url: string): Promise<HttpValidators | undefined>;
  /** Saves validators for several URLs at once (all or nothing). */
  saveValidators(entries: readonly HttpValidators[]): Promise<void>;
}
