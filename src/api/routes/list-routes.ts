/**
 * List-version routes: which versions are loaded, their entities (paged), one entity, and what
 * changed between two versions — what a compliance team rescreens its customers against.
 */
import { basename } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import type { ListVersion } from '../../core/index.js';
import { requireAction } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { ApiProblem } from '../problem-response.js';
import { notFoundError, protectedErrors, protectedSecurity } from '../schemas/common-schemas.js';
import {
  EntityJsonSchema,
  ListDiffSchema,
  ListVersionSchema,
  VersionIdParam,
} from '../schemas/list-schemas.js';

/** A version as the API shows it: source files by base name only, never a server path. */
export function publicVersion(version: ListVersion): z.infer<typeof ListVersionSchema> {
  const { files, ...rest } = version;
  return { ...rest, files: files.map((f) => ({ name: basename(f.path), sha256: f.sha256, bytes: f.bytes })) };
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function registerListRoutes(app: ApiApp, { deps }: ApiRouteContext): void {
  const guard = [requireAction(deps.allows, 'lists.read')];
  const base = { tags: ['Lists'], security: protectedSecurity, middleware: guard };

  const versionOr404 = async (id: number): Promise<ListVersion> => {
    const version = await deps.lists.version(id);
    if (!version) throw new ApiProblem(404, `no list version ${id}`);
    return version;
  };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/lists',
      summary: 'List versions, oldest first, of every list or of one',
      request: { query: z.object({ list: z.string().min(1).max(100).optional() }) },
      responses: {
        200: json(z.object({ versions: z.array(ListVersionSchema) }), 'The versions'),
        ...protectedErrors,
      },
    }),
    async (c) => {
      const { list } = c.req.valid('query');
      const versions = await deps.lists.versions(list);
      return c.json({ versions: versions.map(publicVersion) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/lists/versions/{id}',
      summary: 'One list version',
      request: { params: VersionIdParam },
      responses: { 200: json(ListVersionSchema, 'The version'), ...protectedErrors, ...notFoundError },
    }),
    async (c) => c.json(publicVersion(await versionOr404(c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/lists/versions/{id}/entities',
      summary: 'A page of a version’s entities, in id order',
      request: {
        params: VersionIdParam,
        query: z.object({
          after: z.string().max(200).optional().openapi({ description: 'The `next` of the previous page' }),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      responses: {
        200: json(z.object({ entities: z.array(EntityJsonSchema), next: z.string().optional() }), 'The page'),
        ...protectedErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { after, limit } = c.req.valid('query');
      await versionOr404(id);
      const page = await deps.lists.entities(id, { limit, ...(after !== undefined ? { after } : {}) });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/lists/versions/{id}/entities/{entityId}',
      summary: 'One listed entity as stored in a version',
      request: { params: VersionIdParam.extend({ entityId: z.string().min(1).max(200) }) },
      responses: { 200: json(EntityJsonSchema, 'The entity'), ...protectedErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, entityId } = c.req.valid('param');
      await versionOr404(id);
      const entity = await deps.lists.entity(id, entityId);
      if (!entity) throw new ApiProblem(404, `no entity ${entityId} in list version ${id}`);
      return c.json(entity, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/lists/diff',
      summary: 'Entities added, removed and changed between two versions',
      request: {
        query: z.object({
          from: z.coerce.number().int().min(1).openapi({ description: 'The older version id' }),
          to: z.coerce.number().int().min(1).openapi({ description: 'The newer version id' }),
        }),
      },
      responses: { 200: json(ListDiffSchema, 'The diff'), ...protectedErrors, ...notFoundError },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      const [older, newer] = [await versionOr404(from), await versionOr404(to)];
      const diff = await deps.lists.diff(from, to);
      return c.json(
        {
          from: publicVersion(older),
          to: publicVersion(newer),
          counts: {
            added: diff.added.length,
            removed: diff.removed.length,
            changed: diff.changed.length,
            unchanged: diff.unchanged,
          },
          added: diff.added,
          removed: diff.removed,
          changed: diff.changed,
        },
        200,
      );
    },
  );
}
