/**
 * Watchlist readers: turn official list publications (OFAC CSV, UN XML, FollowTheMoney JSON,
 * in-house CSV) into the entities of one list version. Pure file parsing; storing is elsewhere.
 */
import type { ListFormat, ParsedList } from '../core/index.js';
import { detectListFormat } from './detect-list-format.js';
import { readOfacCsv } from './ofac-csv-reader.js';
import { readUnXml } from './un-xml-reader.js';

export { detectListFormat } from './detect-list-format.js';
export { readOfacCsv } from './ofac-csv-reader.js';
export { readUnXml } from './un-xml-reader.js';

/** Options for `readList`. */
export interface ReadListOptions {
  /** Skip detection. */
  format?: ListFormat;
  /** List name to store under (default: from the source, e.g. `us-ofac-sdn`, `un-sc`). */
  list?: string;
  /** The files are a partial update: they add or replace entities and imply no removals. */
  partial?: boolean;
}

/**
 * Reads one list version from one or more paths (files or an OFAC folder). All or nothing: on bad
 * input it throws an InputError naming file, line and field and returns no partial result.
 *
 * @example
 * const sdn = await readList([
 *   '../shared/data/sanctions/ofac_sdn_2024-05-03',
 *   '../shared/data/sanctions/ofac_2025-12_alt_add_comments',
 * ]);
 * sdn.list // 'us-ofac-sdn'
 */
export async function readList(paths: string[], options: ReadListOptions = {}): Promise<ParsedList> {
  const format = options.format ?? (await detectListFormat(paths));
  const readerOptions = { list: options.list, partial: options.partial };
  switch (format) {
    case 'ofac-csv':
      return readOfacCsv(paths, readerOptions);
    case 'un-xml':
      return readUnXml(paths, readerOptions);
    default:
      throw new Error(`list format ${format} is not implemented yet`);
  }
}
