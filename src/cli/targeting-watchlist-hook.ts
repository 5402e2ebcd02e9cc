/**
 * Wires the screening engine into shipment targeting: the `watchlisted-party` rule asks whether a
 * shipper, consignee, carrier or other party is on a loaded watchlist, and the screener answers
 * against the latest list versions in the store. Each distinct party name is screened once.
 */
import type { HookVerdict, PartyRole } from '../targeting/index.js';

export interface PartyScreeningHook {
  isListedParty: (name: string, role: PartyRole) => HookVerdict;
  /** How many distinct party names were screened and how many were found listed. */
  readonly stats: { screened: number; listed: number };
}

/**
 * Opens the list store, builds a screener over every list's latest version, and returns the hook.
 * @example const hook = await partyScreeningHook('./sentinela.sqlite'); hook.isListedParty('CARTEL DE SINALOA', 'importer')
 */
export async function partyScreeningHook(dbFlag: string | undefined): Promise<PartyScreeningHook> {
  const { openStores } = await import('../store/index.js');
  const { createScreener } = await import('../screening/index.js');
  const { loadScreeningLists } = await import('./screen-lists.js');
  const stores = await openStores(dbFlag);
  let lists: Awaited<ReturnType<typeof loadScreeningLists>>;
  try {
    lists = await loadScreeningLists(stores.lists, stores.location);
  } finally {
    await stores.close();
  }
  const screener = createScreener(lists);
  const verdicts = new Map<string, HookVerdict>();
  const stats = { screened: 0, listed: 0 };
  return {
    stats,
    isListedParty(name) {
      const known = verdicts.get(name);
      if (known) return known;
      // Only matches at or above the default threshold come back, so any result is a hit.
      const [best] = screener.screen({ id: 'party', name }, { limit: 1 });
      const verdict: HookVerdict = best
        ? { hit: true, detail: `${best.list}:${best.entityId} ${best.name} (score ${best.score})` }
        : { hit: false };
      verdicts.set(name, verdict);
      stats.screened++;
      if (verdict.hit) stats.listed++;
      return verdict;
    },
  };
}
