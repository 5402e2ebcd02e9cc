/**
 * Where the official list publications are downloaded from: the one place these URLs live.
 *
 * - OFAC (US Treasury) publishes the SDN list and the Consolidated (non-SDN) list as legacy CSV
 *   files through its Sanctions List Service; the old `https://www.treasury.gov/ofac/downloads/…`
 *   addresses redirect there. Formats: https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas
 * - The UN Security Council Consolidated List XML, linked from
 *   https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list
 * - The UK Sanctions List (FCDO; it replaced OFSI's Consolidated List in January 2026) as CSV,
 *   linked from https://www.gov.uk/government/publications/the-uk-sanctions-list
 *
 * A mirror or a test server replaces these with `--base-url`, `--source-url list=URL` or
 * `--sources FILE` (see `list-source-config.ts`).
 */
import type { ListFormat } from '../core/index.js';

/** One file of a publication: the local name the list reader recognises, and where to get it. */
export interface ListSourceFile {
  /** File name in the download folder, e.g. `sdn.csv` (the readers know OFAC files by name). */
  name: string;
  url: string;
}

/** One list as published: all its files together make one list version. */
export interface ListSourceSpec {
  list: string;
  format: ListFormat;
  files: ListSourceFile[];
}

/** OFAC Sanctions List Service export folder (legacy CSV and XML files). */
export const ofacExportsUrl = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/';

/** UN Security Council Consolidated List, English XML. */
export const unConsolidatedXmlUrl = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

/** UK Sanctions List, full CSV (one row per name and address of a designation). */
export const ukSanctionsListCsvUrl = 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv';

/** The publications `sentinela lists update` fetches by default. */
export const officialListSources: readonly ListSourceSpec[] = [
  {
    list: 'us-ofac-sdn',
    format: 'ofac-csv',
    files: [
      { name: 'sdn.csv', url: `${ofacExportsUrl}SDN.CSV` },
      { name: 'alt.csv', url: `${ofacExportsUrl}ALT.CSV` },
      { name: 'add.csv', url: `${ofacExportsUrl}ADD.CSV` },
      { name: 'sdn_comments.csv', url: `${ofacExportsUrl}SDN_COMMENTS.CSV` },
    ],
  },
  {
    list: 'us-ofac-cons',
    format: 'ofac-csv',
    files: [
      { name: 'cons_prim.csv', url: `${ofacExportsUrl}CONS_PRIM.CSV` },
      { name: 'cons_alt.csv', url: `${ofacExportsUrl}CONS_ALT.CSV` },
      { name: 'cons_add.csv', url: `${ofacExportsUrl}CONS_ADD.CSV` },
      { name: 'cons_comments.csv', url: `${ofacExportsUrl}CONS_COMMENTS.CSV` },
    ],
  },
  {
    list: 'un-sc',
    format: 'un-xml',
    files: [{ name: 'un_consolidated.xml', url: unConsolidatedXmlUrl }],
  },
  {
    list: 'uk-sanctions-list',
    format: 'uk-sanctions',
    files: [{ name: 'UK-Sanctions-List.csv', url: ukSanctionsListCsvUrl }],
  },
];
