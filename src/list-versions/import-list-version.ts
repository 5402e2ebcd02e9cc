/**
 * The import rule every entry point shares (CLI import, online update): a parsed publication
 * becomes a new version of its list, a partial one is applied over the latest stored version, and
 * content identical to the latest version is recognised instead of stored twice.
 */
import { InputError, type ListStore, type ListVersion, type ParsedList } from '../core/index.js';
import { contentHash } from './content-hash.js';
import { applyPartialUpdate } from './partial-update.js';

export interface ImportOptions {
  /** Store a new version even when the content equals the latest version's. */
  force?: boolean;
  /** Apply over the latest version even when the reader did not mark the list as partial. */
  partial?: boolean;
}

/** What a partial update did: entities added and replaced, stored facts of unsupplied files kept. */
export interface PartialUpdateSummary {
  baseVersionId: number;
  added: number;
  replaced: number;
  kept: { names: number; addresses: number };
}

export type ImportOutcome =
  | {
      status: 'created';
      version: ListVersion;
      /** Set when the import was a partial update applied over `baseVersionId`. */
      partialUpdate?: PartialUpdateSummary;
    }
  /** The content equals the latest version's; nothing was written. */
  | { status: 'unchanged'; version: ListVersion };

/**
 * Imports `parsed` into `store` as described above. Throws an InputError when a partial update
 * has no stored version of its list to apply over.
 *
 * @example
 * const outcome = await importListVersion(stores.lists, await readList(['sdn_excerpt.csv'], { partial: true }));
 * if (outcome.status === 'unchanged') console.error('same content as', outcome.version.id);
 */
export async function importListVersion(
  store: ListStore,
  parsed: ParsedList,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const previous = await store.latestVersion(parsed.list);
  const partial = options.partial === true || parsed.partial;
  let entities = parsed.entities;
  let files = parsed.files;
  let partialUpdate: PartialUpdateSummary | undefined;
  if (partial) {
    if (!previous) {
      throw new InputError(
        `no stored version of list "${parsed.list}" to apply the partial update over; import the full list first`,
        { file: parsed.files[0]?.path },
      );
    }
    const merged = applyPartialUpdate(await store.entities(previous.id), parsed.entities, parsed);
    entities = merged.entities;
    files = [...previous.files, ...parsed.files];
    partialUpdate = {
      baseVersionId: previous.id,
      added: merged.added,
      replaced: merged.replaced,
      kept: merged.kept,
    };
  }
  const hash = contentHash(entities);
  if (previous && previous.contentHash === hash && !options.force)
    return { status: 'unchanged', version: previous };
  const version = await store.saveVersion({
    list: parsed.list,
    format: parsed.format,
    ...(parsed.publishedAt !== undefined && { publishedAt: parsed.publishedAt }),
    files,
    ...(partialUpdate && { baseVersionId: partialUpdate.baseVersionId }),
    entities,
    contentHash: hash,
  });
  return partialUpdate ? { status: 'created', version, partialUpdate } : { status: 'created', version };
}
