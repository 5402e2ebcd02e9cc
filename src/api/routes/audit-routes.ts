/**
 * The audit trail over HTTP: the log filtered (newest first, paged back by position), one case's
 * timeline for whoever may read the case, and verification of the chain and its signed checkpoints.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAction, requirePrincipal } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { AuditPageSchema, AuditQuerySchema, AuditVerificationSchema } from '../schemas/audit-schemas.js';
import { notFoundError, protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function registerAuditRoutes(app: ApiApp, { deps }: ApiRouteContext): void {
  const audit = deps.audit;
  if (!audit) return;
  const base = { tags: ['Audit'], security: protectedSecurity };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/audit',
      summary: 'The audit trail, newest first, filtered by who, what and on what',
      middleware: [requireAction(deps.allows, 'audit.read')],
      request: { query: AuditQuerySchema },
      responses: { 200: json(AuditPageSchema, 'One page of entries'), ...protectedErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const entries = await audit.list(requirePrincipal(c.get('principal')), query);
      const last = entries[entries.length - 1];
      return c.json(
        {
          entries,
          ...(entries.length === query.limit && last && last.seq > 1 ? { nextBeforeSeq: last.seq } : {}),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/audit/verify',
      summary: 'Verify the hash chain and the signed checkpoints',
      middleware: [requireAction(deps.allows, 'audit.verify')],
      responses: { 200: json(AuditVerificationSchema, 'The verification'), ...protectedErrors },
    }),
    async (c) => c.json(await audit.verify(requirePrincipal(c.get('principal'))), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      tags: ['Cases'],
      method: 'get',
      path: '/cases/{id}/timeline',
      summary: "A case's changes from the audit trail, oldest first",
      middleware: [requireAction(deps.allows, 'cases.read')],
      request: { params: z.object({ id: z.string().min(1).max(200) }) },
      responses: {
        200: json(AuditPageSchema, 'The entries about this case'),
        ...protectedErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const entries = await audit.caseTimeline(requirePrincipal(c.get('principal')), c.req.valid('param').id);
      return c.json({ entries }, 200);
    },
  );
}
