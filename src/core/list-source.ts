/**
 * What a list reader hands to the store: the entities of one list publication and the facts
 * needed to version it (which files, their hashes, when the publisher dated them).
 */
import type { Entity } from './entity.js';

export const listFormats = ['ofac-csv', 'un-xml', 'uk-sanctions', 'ftm-json', 'csv'] as const;
export type ListFormat = (typeof listFormats)[number];

export interface SourceFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface ParsedList {
  /** Short list name, e.g. `us-ofac-sdn`, `us-ofac-cons`, `un-sc`, or the in-house list's name. */
  list: string;
  format: ListFormat;
  files: SourceFile[];
  /** Publication date from the source itself where it carries one (UN `dateGenerated`). */
  publishedAt?: string;
  /** A partial update file only adds or replaces entities; it never implies removals. */
  partial: boolean;
  entities: Entity[];
  /**
   * For relational formats (OFAC: primary, alias, address, comments files), the parts of each
   * entity's record these files supply. Facts tagged with an `origin` outside this set are kept
   * from the stored version when this list is applied as a partial update. Absent: every part.
   */
  parts?: string[];
  /** Attribute keys built wholly from one part's rows (OFAC: `alias` → `aliasRemarks`). */
  partAttributes?: Record<string, string[]>;
  /** Non-fatal notes (e.g. an alias whose entity is not in this file set). */
  warnings: string[];
}
