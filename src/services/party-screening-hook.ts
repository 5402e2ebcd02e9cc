/**
 * Screening inside shipment targeting: the `watchlisted-party` rule asks whether a shipper,
 * consignee, carrier or other party is on a loaded watchlist, and the one screening service
 * answers against the newest list versions, honouring reviewed false positives. Each distinct
 * party name is screened once.
 */
import type { Stores } from '../core/index.js';
import type { HookVerdict, PartyRole } from '../targeting/index.js';
import { ScreenerCache } from './screener-cache.js';

export interface PartyScreeningHook {
  isListedParty: (name: string, role: PartyRole) => HookVerdict;
  /** How many distinct party names were screened and how many were found listed. */
  readonly stats: { screened: number; listed: number };
}

/**
 * Builds (or takes from `screeners`) the screener over every list and returns the hook.
 *
 * @example
 * const hook = await partyScreeningHook(stores);
 * hook.isListedParty('CARTEL DE SINALOA', 'importer'); // { hit: true, detail: 'us-ofac-sdn:… (score …)' }
 */
export async function partyScreeningHook(
  stores: Stores,
  options: { screeners?: ScreenerCache } = {},
): Promise<PartyScreeningHook> {
  const { screener } = await (options.screeners ?? new ScreenerCache(stores)).current();
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
