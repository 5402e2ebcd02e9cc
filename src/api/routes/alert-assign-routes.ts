/** Bulk assignment from the queue: these alerts (not yet in a case) to this person, or to nobody. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAction, requirePrincipal } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

const AssignAlertsSchema = z
  .object({
    alertIds: z.array(z.string().min(1).max(200)).min(1).max(1000),
    assignee: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .openapi({ description: 'A user name, or null to unassign' }),
  })
  .openapi('AlertAssignment');

export function registerAlertAssignRoutes(app: ApiApp, { deps }: ApiRouteContext): void {
  const assign = deps.assignAlerts;
  if (!assign) return;
  app.openapi(
    createRoute({
      tags: ['Alerts'],
      security: protectedSecurity,
      method: 'post',
      path: '/alerts/assign',
      summary: 'Assign alerts that are not in a case (alerts in a case follow the case)',
      middleware: [requireAction(deps.allows, 'cases.assign')],
      request: { body: { required: true, content: { 'application/json': { schema: AssignAlertsSchema } } } },
      responses: {
        200: {
          description: 'How many alerts changed',
          content: { 'application/json': { schema: z.object({ changed: z.number().int() }) } },
        },
        ...protectedErrors,
        409: { description: 'An alert is already in a case' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await assign(requirePrincipal(c.get('principal')), body.alertIds, body.assignee), 200);
    },
  );
}
