/**
 * Case routes: open a case from one or more alerts, assign it, comment, attach evidence files
 * (size-limited, stored with their SHA-256), move its status, record a disposition with a reason,
 * and the supervisor's four-eyes approval, return or reopen. Each route names the action the
 * permission matrix checks; the case rules and the audit entry are the cases services'.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAction, requirePrincipal } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { ApiProblem } from '../problem-response.js';
import {
  AssignSchema,
  CaseCommentSchema,
  CaseDetailSchema,
  CaseEvidenceSchema,
  CaseIdParam,
  CaseListQuerySchema,
  CasePageSchema,
  CaseSchema,
  CommentSchema,
  DispositionResultSchema,
  DispositionSchema,
  EvidenceParams,
  EvidenceQuery,
  NewCaseSchema,
  ApprovalSchema,
  ReasonSchema,
  StatusChangeSchema,
} from '../schemas/case-schemas.js';
import {
  conflictError,
  notFoundError,
  protectedErrors,
  protectedSecurity,
  tooLargeError,
} from '../schemas/common-schemas.js';

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const changeErrors = { ...protectedErrors, ...notFoundError, ...conflictError };

export function registerCaseRoutes(app: ApiApp, { deps: { cases, allows }, options }: ApiRouteContext): void {
  if (!cases) return;
  const deps = { cases, allows };
  const guarded = (action: string) => ({
    tags: ['Cases'],
    security: protectedSecurity,
    middleware: [requireAction(deps.allows, action)],
  });
  const actor = (c: { get(key: 'principal'): ReturnType<typeof requirePrincipal> | undefined }) =>
    requirePrincipal(c.get('principal'));

  app.openapi(
    createRoute({
      ...guarded('cases.read'),
      method: 'get',
      path: '/cases',
      summary: 'Cases, newest first, by status or assignee',
      request: { query: CaseListQuerySchema },
      responses: { 200: jsonResponse(CasePageSchema, 'One page of cases'), ...protectedErrors },
    }),
    async (c) => c.json(await deps.cases.list(actor(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.create'),
      method: 'post',
      path: '/cases',
      summary: 'Open a case from one or more alerts (any engines)',
      request: { body: jsonBody(NewCaseSchema) },
      responses: { 201: jsonResponse(CaseSchema, 'The new case'), ...changeErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const created = await deps.cases.create(actor(c), {
        alertIds: body.alertIds,
        title: body.title,
        linkSameParty: body.linkSameParty,
        ...(body.assignee ? { assignee: body.assignee } : {}),
      });
      c.header('Location', `/cases/${encodeURIComponent(created.id)}`);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      ...guarded('cases.read'),
      method: 'get',
      path: '/cases/{id}',
      summary: 'One case with its comments and evidence files',
      request: { params: CaseIdParam },
      responses: { 200: jsonResponse(CaseDetailSchema, 'The case'), ...protectedErrors, ...notFoundError },
    }),
    async (c) => {
      return c.json(await deps.cases.get(actor(c), c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guarded('cases.assign'),
      method: 'post',
      path: '/cases/{id}/assign',
      summary: 'Assign the case (to yourself; supervisors to anyone) or unassign it',
      request: { params: CaseIdParam, body: jsonBody(AssignSchema) },
      responses: { 200: jsonResponse(CaseSchema, 'The case'), ...changeErrors },
    }),
    async (c) => {
      const { assignee, expectedVersion } = c.req.valid('json');
      return c.json(
        await deps.cases.assign(actor(c), c.req.valid('param').id, assignee, expectedVersion),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guarded('cases.comment'),
      method: 'post',
      path: '/cases/{id}/comments',
      summary: 'Add a comment',
      request: { params: CaseIdParam, body: jsonBody(CommentSchema) },
      responses: { 201: jsonResponse(CaseCommentSchema, 'The comment'), ...changeErrors },
    }),
    async (c) =>
      c.json(await deps.cases.comment(actor(c), c.req.valid('param').id, c.req.valid('json').text), 201),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.evidence'),
      method: 'post',
      path: '/cases/{id}/evidence',
      summary: `Attach an evidence file (the raw body; at most ${options.maxEvidenceBytes} bytes)`,
      description:
        'Send the file as the body with its Content-Type; `name` is the file name. Stored with its SHA-256.',
      request: {
        params: CaseIdParam,
        query: EvidenceQuery,
        body: {
          required: true,
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: {
        201: jsonResponse(CaseEvidenceSchema, 'The stored evidence record'),
        ...changeErrors,
        ...tooLargeError,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('query');
      const content = new Uint8Array(await c.req.arrayBuffer());
      if (content.byteLength === 0)
        throw new ApiProblem(400, 'the evidence file is empty', {
          errors: [{ field: 'body', message: 'empty' }],
        });
      const mediaType = (c.req.header('Content-Type') ?? 'application/octet-stream')
        .split(';')[0]!
        .trim()
        .slice(0, 100);
      const evidence = await deps.cases.attachEvidence(actor(c), id, { fileName: name, mediaType, content });
      return c.json(evidence, 201);
    },
  );

  app.openapi(
    createRoute({
      ...guarded('cases.read'),
      method: 'get',
      path: '/cases/{id}/evidence/{evidenceId}',
      summary: 'Download an evidence file',
      request: { params: EvidenceParams },
      responses: {
        200: {
          description: 'The file, as an attachment',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...protectedErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      const file = await deps.cases.evidenceFile(actor(c), id, evidenceId);
      if (!file) throw new ApiProblem(404, `no evidence ${evidenceId} in case ${id}`);
      const safeName = file.evidence.fileName.replace(/[^\w.\- ]/g, '_');
      // An uploaded file is never rendered by the browser as part of this site.
      c.header('Content-Disposition', `attachment; filename="${safeName}"`);
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      c.header('X-Evidence-SHA256', file.evidence.sha256);
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/octet-stream',
      });
    },
  );

  app.openapi(
    createRoute({
      ...guarded('cases.status'),
      method: 'post',
      path: '/cases/{id}/status',
      summary: 'Move the case: open → in review → escalated (closing is a disposition)',
      request: { params: CaseIdParam, body: jsonBody(StatusChangeSchema) },
      responses: { 200: jsonResponse(CaseSchema, 'The case'), ...changeErrors },
    }),
    async (c) =>
      c.json(
        await deps.cases.changeStatus(
          actor(c),
          c.req.valid('param').id,
          c.req.valid('json').status,
          c.req.valid('json').expectedVersion,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.disposition'),
      method: 'post',
      path: '/cases/{id}/disposition',
      summary: 'Record a disposition with a reason',
      description:
        'false-positive and not-relevant close the case (a screening false positive is remembered so later screenings honour it); true-match waits for a different supervisor’s approval (four-eyes).',
      request: { params: CaseIdParam, body: jsonBody(DispositionSchema) },
      responses: {
        200: jsonResponse(DispositionResultSchema, 'The case, and the screening exceptions recorded'),
        ...changeErrors,
      },
    }),
    async (c) =>
      c.json(await deps.cases.dispose(actor(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.approve'),
      method: 'post',
      path: '/cases/{id}/approval',
      summary: 'Approve a proposed true match and close the case (a supervisor other than the proposer)',
      request: { params: CaseIdParam, body: jsonBody(ApprovalSchema) },
      responses: { 200: jsonResponse(CaseSchema, 'The closed case'), ...changeErrors },
    }),
    async (c) =>
      c.json(
        await deps.cases.approve(actor(c), c.req.valid('param').id, c.req.valid('json').expectedVersion),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.approve'),
      method: 'post',
      path: '/cases/{id}/return',
      summary: 'Send a proposed true match back for more work, with a reason',
      request: { params: CaseIdParam, body: jsonBody(ReasonSchema) },
      responses: { 200: jsonResponse(CaseSchema, 'The case'), ...changeErrors },
    }),
    async (c) =>
      c.json(
        await deps.cases.returnForWork(
          actor(c),
          c.req.valid('param').id,
          c.req.valid('json').reason,
          c.req.valid('json').expectedVersion,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...guarded('cases.reopen'),
      method: 'post',
      path: '/cases/{id}/reopen',
      summary: 'Reopen a closed case, with a reason',
      request: { params: CaseIdParam, body: jsonBody(ReasonSchema) },
      responses: { 200: jsonResponse(CaseSchema, 'The case'), ...changeErrors },
    }),
    async (c) =>
      c.json(
        await deps.cases.reopen(
          actor(c),
          c.req.valid('param').id,
          c.req.valid('json').reason,
          c.req.valid('json').expectedVersion,
        ),
        200,
      ),
  );
}
