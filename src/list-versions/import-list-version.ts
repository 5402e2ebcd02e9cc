/**
 * The import rule every entry point shares (CLI import, online update): a parsed publication
 * becomes a new version of its list, a partial one is applied over the latest stored version, and
 * content identical to the latest version is recognised instead of stored twice.
 */
import type { ListStore, ListVersion, NewListVersion, ParsedList } from '../core/index.js';
// The defining file, not the core barrel (whose schemas load zod): opening the stores for a
// one-name screen goes through here and must stay light.
import { InputError } from '../core/input-error.js';
import { contentHash } from './content-hash.js';
import { applyPartialUpdate } from './partial-update.js';

export interface ImportOptions {
  /** Store a new version even when the content equals the latest version's. */
  force?: boolean;
  /** Apply over the latest version even when the reader did not mark the list as partial. */
  partial?: boolean;
  /** Store a full publication even when it holds far fewer entities than the latest version. */
  allowShrink?: boolean;
  /** The share of the latest version's entities a full publication must keep (default 0.5). */
  minRetainedShare?: number;
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
  const partial = options.partial === true || parsed.partial;
  // The base is read and the new version written in one write transaction, so racing imports
  // serialise: a partial update never builds on a base another import just replaced.
  const { saved, result } = await store.saveNextVersion(
    parsed.list,
    async (
      previous,
    ): Promise<{ version?: NewListVersion; result: Omit<ImportOutcome, 'version'> | ImportOutcome }> => {
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
      } else if (previous && !options.allowShrink && !options.force) {
        checkShrink(parsed, previous, options.minRetainedShare ?? DEFAULT_MIN_RETAINED_SHARE);
      }
      const hash = contentHash(entities);
      if (previous && previous.contentHash === hash && !options.force)
        return { result: { status: 'unchanged', version: previous } };
      return {
        version: {
          list: parsed.list,
          format: parsed.format,
          ...(parsed.publishedAt !== undefined && { publishedAt: parsed.publishedAt }),
          files,
          ...(partialUpdate && { baseVersionId: partialUpdate.baseVersionId }),
          entities,
          contentHash: hash,
        },
        result: partialUpdate ? { status: 'created', partialUpdate } : { status: 'created' },
      };
    },
  );
  if (result.status === 'unchanged') return result as ImportOutcome;
  return { ...(result as object), status: 'created', version: saved! } as ImportOutcome;
}

/** A full publication keeps at least this share of the previous version's entities unless allowed. */
export const DEFAULT_MIN_RETAINED_SHARE = 0.5;

/**
 * A file cut at a row boundary parses fine: a full publication far smaller than the version it
 * replaces is refused with the counts, unless the user says the list really shrank.
 */
function checkShrink(parsed: ParsedList, previous: ListVersion, minShare: number): void {
  const count = parsed.entities.length;
  if (count >= previous.entityCount * minShare) return;
  throw new InputError(
    `holds ${count} entities where version ${previous.id} of ${parsed.list} has ${previous.entityCount} ` +
      `(${((100 * count) / Math.max(1, previous.entityCount)).toFixed(1)} %, under ${Math.round(minShare * 100)} %): ` +
      'refusing a probably incomplete publication; pass --allow-shrink if the list really shrank, or --partial for an update',
    { file: parsed.files[0]?.path },
  );
}
