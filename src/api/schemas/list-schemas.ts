/** Shapes of the list-version routes: versions, entities, diffs — the core types as JSON. */
import { z } from '@hono/zod-openapi';
import { EntitySchema } from '../../core/index.js';

export const ListVersionSchema = z
  .object({
    id: z.number().int(),
    list: z.string(),
    format: z.string(),
    importedAt: z.string(),
    publishedAt: z.string().optional(),
    files: z
      .array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() }))
      .openapi({ description: 'The source files by base name (server paths are not shown)' }),
    entityCount: z.number().int(),
    baseVersionId: z.number().int().optional(),
    contentHash: z.string(),
  })
  .openapi('ListVersion');

// Re-made here: core's schema was built before zod-openapi extended zod, so it has no .openapi().
export const EntityJsonSchema = z.object(EntitySchema.shape).openapi('Entity');

const EntityRefSchema = z.object({
  id: z.string(),
  schema: z.string(),
  name: z.string(),
  programs: z.array(z.string()),
});

export const ListDiffSchema = z
  .object({
    from: ListVersionSchema,
    to: ListVersionSchema,
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
    added: z.array(EntityRefSchema),
    removed: z.array(EntityRefSchema),
    changed: z.array(
      z.object({
        id: z.string(),
        schema: z.string(),
        name: z.string(),
        previousName: z.string().optional(),
        fields: z.array(
          z.object({
            field: z.string(),
            before: z.array(z.string()),
            after: z.array(z.string()),
            added: z.array(z.string()),
            removed: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .openapi('ListDiff');

export const VersionIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 3 }),
});
