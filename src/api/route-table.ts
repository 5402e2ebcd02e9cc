/**
 * Every area's routes, registered in this order. Add a line here when adding a routes file.
 */
import type { ApiRouteModule } from './api-route-module.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerInspectionRoutes } from './routes/inspection-routes.js';
import { registerAlertAssignRoutes } from './routes/alert-assign-routes.js';
import { registerAlertRoutes } from './routes/alert-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerCaseRoutes } from './routes/case-routes.js';
import { registerListRoutes } from './routes/list-routes.js';
import { registerMetricsRoutes } from './routes/metrics-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerScreeningRoutes } from './routes/screening-routes.js';
import { registerYenteMatchRoutes } from './routes/yente-match-routes.js';

export const routeTable: ReadonlyArray<{ area: string; register: ApiRouteModule }> = [
  { area: 'health', register: (app, { deps }) => registerHealthRoutes(app, deps) },
  { area: 'metrics', register: (app, { deps, metrics }) => registerMetricsRoutes(app, deps, metrics) },
  { area: 'sign-in', register: registerSessionRoutes },
  { area: 'screening', register: registerScreeningRoutes },
  { area: 'yente', register: registerYenteMatchRoutes },
  { area: 'lists', register: registerListRoutes },
  { area: 'alerts', register: registerAlertRoutes },
  { area: 'alert-assignment', register: registerAlertAssignRoutes },
  { area: 'cases', register: (app, context) => context.deps.cases && registerCaseRoutes(app, context) },
  { area: 'audit', register: registerAuditRoutes },
  { area: 'inspections', register: registerInspectionRoutes },
];
