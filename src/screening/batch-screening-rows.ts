/**
 * Screens a list of rows with one screener, catching per-row failures so a batch never stops on
 * one row. Customers often share a name (and qualifiers): a row identical to one already screened
 * reuses its result instead of screening it again.
 */
import type { PartyQuery } from '../core/index.js';
import type { BatchRowResult } from './batch-screening-messages.js';
import type { ScreenOptions, Screener } from './screener.js';

/**
 * Results of rows already screened, keyed by everything of the query but its id (the screener's
 * result does not depend on the id) plus the screen options. Bounded: cleared when full.
 */
export class ScreenedRowCache {
  private readonly results = new Map<string, BatchRowResult>();
  constructor(private readonly capacity = 50_000) {}

  get(key: string): BatchRowResult | undefined {
    return this.results.get(key);
  }

  set(key: string, result: BatchRowResult): void {
    if (this.results.size >= this.capacity) this.results.clear();
    this.results.set(key, result);
  }
}

function rowKey(query: PartyQuery, optionsKey: string): string {
  const { id: _id, ...rest } = query;
  return `${optionsKey}\u0000${JSON.stringify(rest)}`;
}

/**
 * @example screenRows(screener, [{ id: 'c1', name: 'Joaquin Guzman', schema: 'Person' }], { threshold: 0.8 })
 */
export function screenRows(
  screener: Pick<Screener, 'screen'>,
  queries: PartyQuery[],
  options: ScreenOptions,
  cache: ScreenedRowCache = new ScreenedRowCache(),
): BatchRowResult[] {
  const optionsKey = JSON.stringify(options);
  return queries.map((query) => {
    const key = rowKey(query, optionsKey);
    const held = cache.get(key);
    if (held) return 'error' in held ? { ...held } : { matches: held.matches.slice() };
    let result: BatchRowResult;
    try {
      result = { matches: screener.screen(query, options) };
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    cache.set(key, result);
    return result;
  });
}
