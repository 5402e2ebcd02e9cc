/**
 * The alert queue across every engine (screening, targeting, goods, reconciliation, early
 * warning): filter, sort and cursor paging that stays fast at a million alerts (keyset order in
 * the store), and one alert with its evidence and workflow.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAction } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { ApiProblem } from '../problem-response.js';
import { AlertPageSchema, AlertQuerySchema, AlertRecordSchema } from '../schemas/alert-schemas.js';
import { notFoundError, protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

export function registerAlertRoutes(app: ApiApp, { deps }: ApiRouteContext): void {
  const base = {
    tags: ['Alerts'],
    security: protectedSecurity,
    middleware: [requireAction(deps.allows, 'alerts.read')],
  };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/alerts',
      summary: 'One page of the alert queue, filtered and sorted',
      description:
        'Every filter narrows the result (AND). Pass `nextCursor` back as `cursor`, with the same filter and sort, for the next page.',
      request: { query: AlertQuerySchema },
      responses: {
        200: { description: 'The page', content: { 'application/json': { schema: AlertPageSchema } } },
        ...protectedErrors,
      },
    }),
    async (c) => c.json(await deps.alerts.list(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/alerts/{id}',
      summary: 'One alert with its evidence, sources and workflow',
      request: { params: z.object({ id: z.string().min(1).max(200) }) },
      responses: {
        200: { description: 'The alert', content: { 'application/json': { schema: AlertRecordSchema } } },
        ...protectedErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const alert = await deps.alerts.get(id);
      if (!alert) throw new ApiProblem(404, `no alert ${id}`);
      return c.json(alert, 200);
    },
  );
}
