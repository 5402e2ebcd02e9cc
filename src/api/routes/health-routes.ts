/**
 * Health checks for orchestrators: `/healthz` answers as soon as the process listens (it is up),
 * `/readyz` only once lists are loaded and the screening index is built (send it traffic). Both are
 * public and say nothing about the data beyond list names, versions and counts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiDependencies } from '../api-dependencies.js';
import type { ApiApp } from '../api-env.js';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

const ReadinessSchema = z
  .object({
    status: z.enum(['starting', 'building', 'ready', 'no-lists', 'failed']),
    lists: z.array(z.object({ list: z.string(), version: z.string(), entities: z.number().int() })),
    detail: z.string().optional(),
  })
  .openapi('Readiness');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Health'],
  summary: 'Liveness: the process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } } },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Health'],
  summary: 'Readiness: lists loaded and the screening index built',
  responses: {
    200: { description: 'Ready to screen', content: { 'application/json': { schema: ReadinessSchema } } },
    503: {
      description: 'Not ready yet (or no lists)',
      content: { 'application/json': { schema: ReadinessSchema } },
    },
  },
});

export function registerHealthRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, (c) => {
    const { state, lists, detail } = deps.readiness();
    const body = { status: state, lists, ...(detail ? { detail } : {}) };
    return state === 'ready' ? c.json(body, 200) : c.json(body, 503);
  });
}
