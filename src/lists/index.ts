/**
 * Watchlist readers: turn official list publications (OFAC CSV, UN XML, UK Sanctions List CSV/ODS,
 * FollowTheMoney JSON, in-house CSV) into the entities of one list version. Pure file parsing; storing is elsewhere.
 */
import type { ListFormat, ParsedList } from '../core/index.js';
import { readCustomCsv } from './custom-csv-reader.js';
import { detectListFormat } from './detect-list-format.js';
import { readFtmJson } from './ftm-json-reader.js';
import { readOfacCsv } from './ofac-csv-reader.js';
import { readUkSanctions } from './uk-sanctions-reader.js';
import { readUnXml } from './un-xml-reader.js';

export { readCustomCsv } from './custom-csv-reader.js';
export { detectListFormat } from './detect-list-format.js';
export { readFtmJson } from './ftm-json-reader.js';
export { readOfacCsv } from './ofac-csv-reader.js';
export { readUkSanctions, UK_SANCTIONS_LIST } from './uk-sanctions-reader.js';
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

type Reader = (paths: string[], options: { list?: string; partial?: boolean }) => Promise<ParsedList>;

const READERS: Record<ListFormat, Reader> = {
  'ofac-csv': readOfacCsv,
  'un-xml': readUnXml,
  'uk-sanctions': readUkSanctions,
  'ftm-json': readFtmJson,
  csv: readCustomCsv,
};

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
  const readerOptions: { list?: string; partial?: boolean } = {};
  if (options.list !== undefined) readerOptions.list = options.list;
  if (options.partial !== undefined) readerOptions.partial = options.partial;
  return READERS[format](paths, readerOptions);
}
