/**
 * What the caller can plug into targeting from other modules (screening, controlled goods)
 * without targeting importing them: plain functions. A rule whose hook is absent is inactive.
 */

/** A hook's verdict; `detail` is shown to the officer (list name, entry, matched name). */
export interface HookVerdict {
  hit: boolean;
  detail?: string;
}

/** Party roles a watchlist hook is asked about. */
export type PartyRole = 'importer' | 'seller' | 'declarant' | 'courier' | 'carrier' | 'driver';

export interface TargetingHooks {
  /** Whether a party name or id is on a watchlist (e.g. the screening engine's verdict). */
  isListedParty?: (name: string, role: PartyRole) => HookVerdict;
  /** Whether a declared line is controlled goods (e.g. a precursor under the goods module). */
  isControlledGoods?: (line: { hs6: string; description: string }) => HookVerdict;
}
