/**
 * Every area's routes, registered in this order. Add a line here when adding a routes file.
 */
import type { ApiRouteModule } from './api-route-module.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerMetricsRoutes } from './routes/metrics-routes.js';

export const routeTable: ReadonlyArray<{ area: string; register: ApiRouteModule }> = [
  { area: 'health', register: (app, { deps }) => registerHealthRoutes(app, deps) },
  { area: 'metrics', register: (app, { deps, metrics }) => registerMetricsRoutes(app, deps, metrics) },
];
