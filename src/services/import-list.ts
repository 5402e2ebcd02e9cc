/**
 * Import a list publication: read and check every file (several files or an OFAC folder form one
 * version) before anything is written, then store it as the next version of its list — a partial
 * update applied over the newest version, identical content recognised instead of stored twice.
 */
import { resolve } from 'node:path';
import type { ListFormat, ListVersion, ParsedList, Stores } from '../core/index.js';
import type { ImportOutcome } from '../list-versions/index.js';
import { recordAudit } from './audit-record.js';
import { localPrincipal } from './principal.js';

export interface ReadPublicationOptions {
  format?: ListFormat;
  /** List name to store under (default: from the source, e.g. `us-ofac-sdn`). */
  list?: string;
  /** The files are an update over the newest version. */
  partial?: boolean;
}

/**
 * Reads the files into one publication with absolute file paths, so the version record still says
 * where its files were; throws an InputError naming file, line and field on bad input.
 *
 * @example
 * const parsed = await readPublication(['../shared/data/sanctions/ofac_sdn_2024-05-03']);
 */
export async function readPublication(
  paths: string[],
  options: ReadPublicationOptions = {},
): Promise<ParsedList> {
  const { readList } = await import('../lists/index.js');
  const read = await readList(paths, {
    ...(options.format && { format: options.format }),
    ...(options.list && { list: options.list }),
    ...(options.partial && { partial: true }),
  });
  return { ...read, files: read.files.map((f) => ({ ...f, path: resolve(f.path) })) };
}

/**
 * Stores a read publication as a new version (all or nothing).
 *
 * @example
 * const outcome = await importPublication(stores, parsed, { force: false });
 * if (outcome.status === 'unchanged') console.error('same content as', outcome.version.id);
 */
export async function importPublication(
  stores: Stores,
  parsed: ParsedList,
  options: { force?: boolean; partial?: boolean; allowShrink?: boolean; actor?: string } = {},
): Promise<ImportOutcome> {
  const { importListVersion } = await import('../list-versions/index.js');
  const outcome = await importListVersion(stores.lists, parsed, {
    force: options.force === true,
    partial: options.partial === true,
    allowShrink: options.allowShrink === true,
  });
  if (outcome.status === 'created')
    await recordListVersionAudit(
      stores,
      options.actor ?? localPrincipal().name,
      'list.import',
      outcome.version,
    );
  return outcome;
}

/** A new list version in the audit trail: which list, its id, content hash, size and source files. */
export async function recordListVersionAudit(
  stores: Pick<Stores, 'audit'>,
  actor: string,
  action: string,
  version: ListVersion,
): Promise<void> {
  await recordAudit(stores, {
    actor,
    action,
    target: `list:${version.list}@${version.id}`,
    before: version.baseVersionId !== undefined ? { baseVersionId: version.baseVersionId } : null,
    after: {
      contentHash: version.contentHash,
      entityCount: version.entityCount,
      format: version.format,
      files: version.files,
      ...(version.publishedAt ? { publishedAt: version.publishedAt } : {}),
    },
  });
}
