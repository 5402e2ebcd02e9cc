/**
 * The inspection list over HTTP: for a port (or all) and a day (or all), the declarations and
 * crossings selected for inspection, read from the targeting alerts, with their fired rules and
 * model reasons. Read-only, so it needs only `alerts.read`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAction } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

const InspectionQuerySchema = z.object({
  port: z.string().min(1).max(200).optional().openapi({ description: 'Port of entry / customs office' }),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
    .optional()
    .openapi({ description: 'The declaration or crossing date', example: '2024-03-01' }),
});

const InspectionPickSchema = z
  .object({
    alertId: z.string(),
    declarationId: z.string(),
    day: z.string(),
    port: z.string(),
    hs6: z.string(),
    score: z.number(),
    severity: z.string().optional(),
    reason: z.enum(['risk', 'exploration']),
    rank: z.number().int(),
    firedRules: z.array(z.object({ name: z.string(), weight: z.number(), reason: z.string() })),
    modelReasons: z.array(z.object({ feature: z.string(), logOdds: z.number(), value: z.number() })),
    scoredBy: z.string(),
    status: z.string(),
  })
  .openapi('InspectionPick');

const InspectionListSchema = z
  .object({
    picks: z.array(InspectionPickSchema),
    ports: z.array(z.string()).openapi({ description: 'Every port among the stored picks' }),
    days: z.array(z.string()).openapi({ description: 'Every day among the stored picks' }),
    scanned: z.number().int(),
    unreadable: z.number().int().openapi({ description: 'Targeting alerts without a declaration' }),
  })
  .openapi('InspectionList');

export function registerInspectionRoutes(app: ApiApp, { deps }: ApiRouteContext): void {
  const inspections = deps.inspections;
  if (!inspections) return;
  app.openapi(
    createRoute({
      tags: ['Targeting'],
      security: protectedSecurity,
      method: 'get',
      path: '/inspections',
      summary: 'The declarations or crossings selected for inspection, by port and day',
      middleware: [requireAction(deps.allows, 'alerts.read')],
      request: { query: InspectionQuerySchema },
      responses: {
        200: {
          description: 'Risk picks by score, then exploration picks',
          content: { 'application/json': { schema: InspectionListSchema } },
        },
        ...protectedErrors,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const list = await inspections({
        ...(query.port ? { port: query.port } : {}),
        ...(query.day ? { day: query.day } : {}),
      });
      return c.json(list, 200);
    },
  );
}
