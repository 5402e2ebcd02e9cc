/**
 * The screening routes' view of the screening services: each party through `screenParty` with
 * the server's one `ScreenerCache` (rebuilt when lists or reviews change), answered 503 until the
 * first index is built.
 */
import type { Stores } from '../../core/index.js';
import { DEFAULT_THRESHOLD, MATCHER_VERSION, SCREENER_VERSION } from '../../screening/index.js';
import type { ScreenerCache } from '../../services/screener-cache.js';
import { screenParty } from '../../services/screen-party.js';
import type { ApiScreening, ScreeningOutcome } from '../api-dependencies.js';
import { ApiProblem } from '../problem-response.js';
import type { ScreeningReadiness } from './screening-readiness.js';

export function screeningAdapter(
  stores: Stores,
  screeners: ScreenerCache,
  readiness: ScreeningReadiness,
): ApiScreening {
  let listNames: string[] = [];
  return {
    async screen(queries, options) {
      await readiness.recheck();
      const state = readiness.state();
      if (state.state === 'no-lists')
        throw new ApiProblem(503, 'no lists are loaded yet: import some with `sentinela lists import`');
      if (state.state !== 'ready')
        throw new ApiProblem(
          503,
          'the screening index is being built; retry shortly (GET /readyz says when)',
          {
            headers: { 'Retry-After': '2' },
          },
        );
      // yente's `cutoff` below the threshold: screen at the cutoff, then mark matches at the threshold.
      const floor =
        options.minScore !== undefined ? Math.min(options.minScore, options.threshold ?? 1) : undefined;
      const screenAt = floor ?? options.threshold;
      const results = [];
      const cleared: ScreeningOutcome['cleared'] = [];
      const alertIds = [];
      const alerts = { inserted: 0, unchanged: 0 };
      let outcome: Awaited<ReturnType<typeof screenParty>> | undefined;
      for (const query of queries) {
        outcome = await screenParty(stores, query, {
          screeners,
          ...(screenAt !== undefined ? { threshold: screenAt } : {}),
          ...(options.limit !== undefined ? { limit: options.limit } : {}),
          ...(options.lists ? { lists: options.lists } : {}),
          ...(options.recordAlerts ? { recordAlerts: {} } : {}),
        });
        results.push(outcome.matches);
        cleared.push(
          outcome.cleared.map((r) => ({
            list: r.list,
            entityId: r.entityId,
            analyst: r.analyst,
            reason: r.reason,
            reviewedAt: r.reviewedAt,
          })),
        );
        alertIds.push(outcome.alertIds ?? []);
        alerts.inserted += outcome.alerts?.inserted ?? 0;
        alerts.unchanged += outcome.alerts?.unchanged ?? 0;
      }
      const threshold = options.threshold ?? DEFAULT_THRESHOLD;
      if (floor !== undefined)
        for (const matches of results) for (const m of matches) m.match = m.score >= threshold;
      const versions = outcome?.versions ?? [];
      if (!options.lists) listNames = versions.map((v) => v.list);
      return {
        results,
        cleared,
        lists: versions.map((v) => ({ list: v.list, version: String(v.id) })),
        threshold,
        ...(options.recordAlerts ? { alerts, alertIds } : {}),
        algorithm: results.flat()[0]?.algorithm ?? `${MATCHER_VERSION}+${SCREENER_VERSION}`,
      };
    },
    async entity(_list, version, entityId) {
      return stores.lists.entity(Number(version), entityId);
    },
    listNames: () => (listNames.length > 0 ? listNames : readiness.state().lists.map((l) => l.list)),
  };
}
