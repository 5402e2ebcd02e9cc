/**
 * Prometheus metrics at `/metrics` (text exposition format). They hold no personal data, but they
 * describe the installation's use, so a caller needs the `metrics.read` permission like any other.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiDependencies } from '../api-dependencies.js';
import type { ApiApp } from '../api-env.js';
import { requireAction } from '../api-access.js';
import type { ApiMetrics } from '../http-metrics.js';
import { protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

export function registerMetricsRoutes(app: ApiApp, deps: ApiDependencies, metrics: ApiMetrics): void {
  const route = createRoute({
    method: 'get',
    path: '/metrics',
    tags: ['Health'],
    summary: 'Prometheus metrics: requests by route and status, durations, screenings',
    security: protectedSecurity,
    middleware: [requireAction(deps.allows, 'metrics.read')],
    responses: {
      200: {
        description: 'Prometheus text exposition format',
        content: { 'text/plain': { schema: z.string() } },
      },
      ...protectedErrors,
    },
  });
  app.openapi(route, async (c) => {
    const text = await metrics.registry.metrics();
    return c.text(text, 200, { 'Content-Type': metrics.registry.contentType });
  });
}
