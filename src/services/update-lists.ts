/**
 * Update lists from their official publications (OFAC SDN and consolidated CSV, UN XML, UK list)
 * or the sources an operator configured: conditional downloads, checks before import, and the
 * previous version kept whenever anything is less than whole.
 */
import type { Stores } from '../core/index.js';
import type { ListSourceSpec, ListUpdateResult, SourceOverrides } from '../lists-update/index.js';
import { recordListVersionAudit } from './import-list.js';
import { localPrincipal } from './principal.js';

export interface UpdateListsOptions {
  /** Per download, including the body (default 120 s). */
  timeoutMs?: number;
  /** Ignore stored ETags and store a version even if the content is unchanged. */
  force?: boolean;
  /** Store a full publication even when it holds under half the entities of the latest version. */
  allowShrink?: boolean;
  /** Progress lines (the CLI writes them to stderr). */
  log?: (line: string) => void;
  /** Who asked, for the audit trail (default `local:<os user>`). */
  actor?: string;
}

/**
 * The sources of one run: the official ones, or a sources file, with mirror and per-list URL
 * overrides, narrowed to `lists`. Resolved before any store is opened, so a bad option writes nothing;
 * throws an InputError naming the file or option at fault.
 */
export async function resolveUpdateSources(overrides: SourceOverrides = {}): Promise<ListSourceSpec[]> {
  const { resolveListSources } = await import('../lists-update/index.js');
  return resolveListSources({
    ...overrides,
    sourceUrls: overrides.sourceUrls ?? [],
    lists: overrides.lists ?? [],
  });
}

/**
 * One result per source; a failed list keeps its previous version. The caller decides what a
 * failure means for its exit status or response.
 *
 * @example
 * const results = await updateListsFromSources(stores, await resolveUpdateSources({ lists: ['us-ofac-sdn'] }));
 */
export async function updateListsFromSources(
  stores: Stores,
  sources: readonly ListSourceSpec[],
  options: UpdateListsOptions = {},
): Promise<ListUpdateResult[]> {
  const { updateLists } = await import('../lists-update/index.js');
  const { readList } = await import('../lists/index.js');
  const results = await updateLists(
    sources,
    {
      store: stores.lists,
      validators: stores.validators,
      readList,
      ...(options.log && { log: options.log }),
    },
    {
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      force: options.force === true,
      allowShrink: options.allowShrink === true,
    },
  );
  const actor = options.actor ?? localPrincipal().name;
  for (const result of results)
    if (result.status === 'updated')
      await recordListVersionAudit(stores, actor, 'list.update', result.version);
  return results;
}
