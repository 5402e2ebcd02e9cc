/**
 * Request and response shapes of Sentinela's own screening routes. The party is the core
 * `PartyQuery` (its id optional here), so the API accepts exactly what the CLI screens.
 */
import { z } from '@hono/zod-openapi';
import { PartialDateSchema, entitySchemas } from '../../core/index.js';

export const PartySchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Your reference; echoed back', example: 'c-1001' }),
    name: z.string().trim().min(1).max(500).openapi({ example: 'Joaquin Guzman Loera' }),
    schema: z
      .enum([...entitySchemas, 'Thing'])
      .optional()
      .openapi({ description: 'What the party is; omit if unknown' }),
    birthDate: PartialDateSchema.optional().openapi({
      description: 'YYYY, YYYY-MM or YYYY-MM-DD',
      example: '1957-04-04',
    }),
    country: z.string().max(100).optional(),
    nationality: z.string().max(100).optional(),
    gender: z.enum(['male', 'female']).optional(),
    idNumber: z.string().max(100).optional(),
  })
  .openapi('Party');

const ScreenOptionsShape = {
  recordAlerts: z.boolean().default(false).openapi({
    description: 'Record the matches as alerts in the queue (idempotent: the same match is one alert)',
  }),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .openapi({ description: 'Score at or above which a result is a match; default: the matcher default' }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'At most this many results per party (default 10)' }),
  lists: z
    .array(z.string().min(1))
    .max(50)
    .optional()
    .openapi({ description: 'Screen only against these lists (default: every loaded list)' }),
};

export const ScreenRequestSchema = z
  .object({ party: PartySchema, ...ScreenOptionsShape })
  .openapi('ScreenRequest');

export const FeatureContributionSchema = z
  .object({ feature: z.string(), value: z.number(), weight: z.number(), detail: z.string() })
  .openapi('FeatureContribution');

export const ScreeningMatchSchema = z
  .object({
    entityId: z.string(),
    list: z.string(),
    listVersion: z.string(),
    name: z.string(),
    matchedAlias: z.string(),
    score: z.number(),
    match: z.boolean(),
    explanation: z.array(FeatureContributionSchema),
    algorithm: z.string(),
    alertId: z.string().optional().openapi({ description: 'With recordAlerts: the alert this match raised' }),
  })
  .openapi('ScreeningMatch');

export const ListVersionRefSchema = z
  .object({ list: z.string(), version: z.string() })
  .openapi('ListVersionRef');

export const ClearedMatchSchema = z
  .object({
    list: z.string(),
    entityId: z.string(),
    analyst: z.string(),
    reason: z.string(),
    reviewedAt: z.string(),
  })
  .openapi('ClearedMatch');

export const ScreenResponseSchema = z
  .object({
    party: z.object({ id: z.string(), name: z.string() }),
    match: z.boolean().openapi({ description: 'Whether any result is at or above the threshold' }),
    matches: z.array(ScreeningMatchSchema),
    lists: z.array(ListVersionRefSchema).openapi({ description: 'The list versions screened against' }),
    cleared: z.array(ClearedMatchSchema).openapi({
      description:
        'Listed entities left out because an analyst recorded them as false positives for this party',
    }),
    threshold: z.number(),
    algorithm: z.string(),
    alerts: z
      .object({ inserted: z.number().int(), unchanged: z.number().int() })
      .optional()
      .openapi({ description: 'With recordAlerts: alerts stored, and matches already stored as alerts' }),
  })
  .openapi('ScreenResponse');

export function batchRequestSchema(maxParties: number) {
  return z
    .object({ parties: z.array(PartySchema).min(1).max(maxParties), ...ScreenOptionsShape })
    .openapi('ScreenBatchRequest');
}

export const ScreenBatchResponseSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        match: z.boolean(),
        matches: z.array(ScreeningMatchSchema),
        cleared: z.array(ClearedMatchSchema),
      }),
    ),
    counts: z.object({ in: z.number().int(), screened: z.number().int(), matched: z.number().int() }),
    lists: z.array(ListVersionRefSchema),
    threshold: z.number(),
    algorithm: z.string(),
    alerts: z.object({ inserted: z.number().int(), unchanged: z.number().int() }).optional(),
  })
  .openapi('ScreenBatchResponse');
