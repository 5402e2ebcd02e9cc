/**
 * The shape of one area's routes (screening, lists, alerts, cases…): a function that registers them
 * on the app with what they need. A new area — order-line screening, reconciliation — is one file
 * exporting such a function and one line in `route-table.ts`.
 */
import type { ApiDependencies } from './api-dependencies.js';
import type { ApiApp } from './api-env.js';
import type { ApiOptions } from './api-options.js';
import type { ApiMetrics } from './http-metrics.js';

export interface ApiRouteContext {
  deps: ApiDependencies;
  options: ApiOptions;
  metrics: ApiMetrics;
}

export type ApiRouteModule = (app: ApiApp, context: ApiRouteContext) => void;
