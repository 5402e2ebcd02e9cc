/**
 * Screen one party: the newest list versions (or the named lists), the analyst's reviewed false
 * positives honoured, matches best first with their explanation — and, when asked, the matches
 * recorded as alerts in the queue.
 */
import type {
  ListVersion,
  PartyQuery,
  ReviewedFalsePositive,
  ScreeningMatch,
  Stores,
} from '../core/index.js';
import { ScreenerCache } from './screener-cache.js';

export interface ScreenPartyOptions {
  /** Score from which a result is a match (default: the matcher's DEFAULT_THRESHOLD). */
  threshold?: number;
  /** At most this many entities (default 10). */
  limit?: number;
  exhaustive?: boolean;
  /** Only these lists (default: every stored list). */
  lists?: readonly string[];
  /** A long-running door passes its cache so the screener is built once per list versions. */
  screeners?: ScreenerCache;
  /** Record the matches as alerts, about this subject (default: the query's id). */
  recordAlerts?: { subject?: string };
}

export interface ScreenPartyResult {
  query: PartyQuery;
  threshold: number;
  matches: ScreeningMatch[];
  /** The list versions screened against. */
  versions: ListVersion[];
  /** Set when alerts were recorded. */
  alerts?: { inserted: number; unchanged: number };
  /** Set when alerts were recorded: each match's alert id, in match order (none below the threshold). */
  alertIds?: (string | undefined)[];
  /**
   * Analysts' false-positive decisions on record for this party (same name and qualifiers) against
   * the lists screened, whose entity the screener therefore left out — so a door can show a match
   * as cleared, and by whom and why, instead of as silently absent.
   */
  cleared: ReviewedFalsePositive[];
}

/**
 * @example
 * const { matches } = await screenParty(stores, { id: 'c1', name: 'Joaquin Guzman' });
 */
export async function screenParty(
  stores: Stores,
  query: PartyQuery,
  options: ScreenPartyOptions = {},
): Promise<ScreenPartyResult> {
  const { DEFAULT_THRESHOLD } = await import('../screening/index.js');
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const screeners = options.screeners ?? new ScreenerCache(stores);
  const { screener, versions, reviews } = await screeners.current(options.lists);
  const matches = screener.screen(query, {
    threshold,
    limit: options.limit ?? 10,
    exhaustive: options.exhaustive === true,
  });
  const result: ScreenPartyResult = {
    query,
    threshold,
    matches,
    versions,
    cleared: await clearedFor(query, reviews, versions, matches),
  };
  if (options.recordAlerts) {
    // Loaded only when alerts are recorded: the alert schema (zod) is not on a plain look-up's path.
    const { screeningAlerts } = await import('./screening-alerts.js');
    const alerts = screeningAlerts(query, matches, {
      threshold,
      createdAt: new Date().toISOString(),
      ...(options.recordAlerts.subject !== undefined && { subject: options.recordAlerts.subject }),
    });
    result.alerts = await stores.alerts.append(alerts);
    // screeningAlerts raises one alert per match at or above the threshold, in match order.
    let next = 0;
    result.alertIds = matches.map((m) => (m.match ? alerts[next++]?.id : undefined));
  }
  return result;
}

async function clearedFor(
  query: PartyQuery,
  reviews: readonly ReviewedFalsePositive[],
  versions: readonly ListVersion[],
  matches: readonly ScreeningMatch[],
): Promise<ReviewedFalsePositive[]> {
  if (reviews.length === 0) return [];
  const { reviewQueryKey } = await import('../screening/index.js');
  const key = reviewQueryKey(query);
  const screened = new Set(versions.map((v) => v.list));
  const shown = new Set(matches.map((m) => `${m.list}\u0000${m.entityId}`));
  return reviews.filter(
    (r) => r.queryKey === key && screened.has(r.list) && !shown.has(`${r.list}\u0000${r.entityId}`),
  );
}
