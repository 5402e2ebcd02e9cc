/**
 * Everything the API needs, built on one installation's stores and the services: the screener
 * cache and its readiness, lists, the alert queue, access (tokens, sessions, the permission
 * matrix) and case work. `serve` and the API tests both build the API this way.
 */
import type { Stores } from '../../core/index.js';
import { ScreenerCache } from '../../services/screener-cache.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { defaultApiOptions } from '../api-options.js';
import { accessAdapter, servicePrincipal } from './access-adapter.js';
import { alertsAdapter } from './alerts-adapter.js';
import { assignAlerts } from '../../services/alerts-assign.js';
import { inspectionList } from '../../services/inspection-list.js';
import { auditAdapter } from './audit-adapter.js';
import { casesAdapter } from './cases-adapter.js';
import { listsAdapter } from './lists-adapter.js';
import { screeningAdapter } from './screening-adapter.js';
import { ScreeningReadiness } from './screening-readiness.js';

export function apiDependenciesOnStores(
  stores: Stores,
  options: { maxEvidenceBytes?: number } = {},
): { deps: ApiDependencies; readiness: ScreeningReadiness } {
  const screeners = new ScreenerCache(stores);
  const readiness = new ScreeningReadiness(screeners);
  // The stores' limiter, not one per process: every serve process behind one database counts alike.
  const access = accessAdapter(stores, stores.loginLimiter);
  const deps: ApiDependencies = {
    readiness: () => {
      // Not ready for want of lists: look again in the background (throttled) for the next probe.
      void readiness.recheck();
      return readiness.state();
    },
    ...access,
    screening: screeningAdapter(stores, screeners, readiness),
    lists: listsAdapter(stores.lists),
    alerts: alertsAdapter(stores.alerts),
    cases: casesAdapter(stores, {
      maxEvidenceBytes: options.maxEvidenceBytes ?? defaultApiOptions.maxEvidenceBytes,
    }),
    audit: auditAdapter(stores),
    assignAlerts: (actor, alertIds, assignee) =>
      assignAlerts(stores, servicePrincipal(actor), alertIds, assignee),
    inspections: (query) => inspectionList(stores.alerts, query),
  };
  return { deps, readiness };
}
