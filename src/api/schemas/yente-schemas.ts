/**
 * The request and response of yente's `POST /match/{dataset}` (OpenSanctions' match API), as
 * yente's own models define them (`EntityMatchQuery`, `EntityMatchResponse`), so clients written
 * for yente can point at Sentinela unchanged.
 */
import { z } from '@hono/zod-openapi';

const PropertyValues = z.union([
  z.string().max(1000),
  z.array(z.union([z.string().max(1000), z.number()])).max(50),
]);

export const EntityExampleSchema = z
  .object({
    id: z.string().max(200).optional().nullable(),
    schema: z.string().min(1).max(50).openapi({ example: 'Person' }),
    properties: z.record(z.string(), PropertyValues).openapi({
      example: { name: ['Joaquin Guzman Loera'], birthDate: ['1957-04-04'], nationality: ['mx'] },
    }),
  })
  .openapi('EntityExample');

export function matchQuerySchema(maxQueries: number) {
  return z
    .object({
      queries: z
        .record(z.string().min(1).max(200), EntityExampleSchema)
        .refine((q) => Object.keys(q).length >= 1, 'at least one query is needed')
        .refine((q) => Object.keys(q).length <= maxQueries, `at most ${maxQueries} queries per request`),
      weights: z.record(z.string(), z.number()).optional().openapi({
        description: 'Accepted for compatibility; must be empty (Sentinela’s matcher weights are fixed)',
      }),
      config: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .optional()
        .openapi({ description: 'Accepted for compatibility; must be empty' }),
    })
    .openapi('EntityMatchQuery');
}

export const MatchQueryParamsSchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'Results per query (default 5)' }),
  threshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .openapi({ description: 'Score at or above which `match` is true' }),
  cutoff: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .openapi({ description: 'Deprecated in yente: lower bound for results to be returned' }),
  algorithm: z
    .string()
    .max(50)
    .optional()
    .openapi({ description: 'Accepted for compatibility; Sentinela always uses its own matcher' }),
  exclude_entity_ids: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({
      description:
        'Entity ids (`list:id` or the bare id) to leave out, e.g. decided false positives (max 50)',
    }),
});

export const FeatureResultSchema = z
  .object({
    score: z.number(),
    detail: z.string().nullable(),
    query: z.string().nullable().optional(),
    candidate: z.string().nullable().optional(),
  })
  .openapi('FeatureResult');

export const ScoredEntitySchema = z
  .object({
    id: z.string(),
    caption: z.string(),
    schema: z.string(),
    properties: z.record(z.string(), z.array(z.string())),
    datasets: z.array(z.string()),
    referents: z.array(z.string()),
    target: z.boolean(),
    first_seen: z.string().nullable(),
    last_seen: z.string().nullable(),
    last_change: z.string().nullable(),
    score: z.number(),
    match: z.boolean(),
    explanations: z.record(z.string(), FeatureResultSchema),
  })
  .openapi('ScoredEntityResponse');

export const EntityMatchesSchema = z
  .object({
    status: z.number().int(),
    results: z.array(ScoredEntitySchema),
    total: z.object({ value: z.number().int(), relation: z.string() }),
    query: EntityExampleSchema,
  })
  .openapi('EntityMatches');

export const EntityMatchResponseSchema = z
  .object({ responses: z.record(z.string(), EntityMatchesSchema), limit: z.number().int() })
  .openapi('EntityMatchResponse');
