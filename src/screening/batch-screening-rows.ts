/** Screens a list of rows with one screener, catching per-row failures so a batch never stops on one row. */
import type { PartyQuery } from '../core/index.js';
import type { BatchRowResult } from './batch-screening-messages.js';
import type { ScreenOptions, Screener } from './screener.js';

export function screenRows(
  screener: Screener,
  queries: PartyQuery[],
  options: ScreenOptions,
): BatchRowResult[] {
  return queries.map((query) => {
    try {
      return { matches: screener.screen(query, options) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}
