/** A download that cannot become a list version: says which list, which URL, and why. */
export class ListDownloadError extends Error {
  constructor(
    readonly list: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${list}: ${url}: ${reason}`);
    this.name = 'ListDownloadError';
  }
}
