/**
 * Screening routes: one party (`POST /screen`) or a batch of up to 1,000 (`POST /screen/batch`)
 * against the loaded list versions, with each match's explanation and the list versions and
 * algorithm that produced it. Rate-limited per caller; the screening itself is the services'.
 */
import { createRoute } from '@hono/zod-openapi';
import type { PartyQuery } from '../../core/index.js';
import { requireAction } from '../api-access.js';
import type { ApiRouteContext } from '../api-route-module.js';
import type { ApiApp } from '../api-env.js';
import { rateLimited } from '../rate-limit-middleware.js';
import { RateLimiter } from '../rate-limiter.js';
import {
  notFoundError,
  notReadyError,
  protectedErrors,
  protectedSecurity,
  tooLargeError,
} from '../schemas/common-schemas.js';
import {
  batchRequestSchema,
  type PartySchema,
  ScreenBatchResponseSchema,
  ScreenRequestSchema,
  ScreenResponseSchema,
} from '../schemas/screening-schemas.js';
import type { z } from '@hono/zod-openapi';

/** The core query for an API party; a party without an id gets its position as id. */
export function partyQuery(party: z.infer<typeof PartySchema>, position: number): PartyQuery {
  const query: PartyQuery = { id: party.id ?? String(position + 1), name: party.name };
  if (party.schema) query.schema = party.schema;
  if (party.birthDate) query.birthDate = party.birthDate;
  if (party.country) query.country = party.country;
  if (party.nationality) query.nationality = party.nationality;
  if (party.gender) query.gender = party.gender;
  if (party.idNumber) query.idNumber = party.idNumber;
  return query;
}

export function registerScreeningRoutes(app: ApiApp, { deps, options, metrics }: ApiRouteContext): void {
  const limiter = options.screeningRate ? new RateLimiter(options.screeningRate) : undefined;
  const guard = [requireAction(deps.allows, 'screening.run'), rateLimited(limiter, 'screening')];

  const single = createRoute({
    method: 'post',
    path: '/screen',
    tags: ['Screening'],
    summary: 'Screen one party against the loaded lists',
    security: protectedSecurity,
    middleware: guard,
    request: { body: { required: true, content: { 'application/json': { schema: ScreenRequestSchema } } } },
    responses: {
      200: {
        description: 'Matches, best first, with explanations',
        content: { 'application/json': { schema: ScreenResponseSchema } },
      },
      ...protectedErrors,
      ...notFoundError,
      ...tooLargeError,
      ...notReadyError,
    },
  });
  app.openapi(single, async (c) => {
    const body = c.req.valid('json');
    const query = partyQuery(body.party, 0);
    const outcome = await deps.screening.screen([query], body);
    metrics.screenedParties.inc({ endpoint: 'screen' });
    const ids = outcome.alertIds?.[0] ?? [];
    const matches = (outcome.results[0] ?? []).map((m, i) => (ids[i] ? { ...m, alertId: ids[i] } : m));
    return c.json(
      {
        party: { id: query.id, name: query.name },
        match: matches.some((m) => m.match),
        matches,
        cleared: outcome.cleared[0] ?? [],
        lists: outcome.lists,
        threshold: outcome.threshold,
        algorithm: outcome.algorithm,
        ...(outcome.alerts ? { alerts: outcome.alerts } : {}),
      },
      200,
    );
  });

  const batch = createRoute({
    method: 'post',
    path: '/screen/batch',
    tags: ['Screening'],
    summary: `Screen a batch of up to ${options.maxBatchParties} parties`,
    description:
      'All or nothing: an invalid party rejects the batch with 400 and `errors` naming each field (`body.parties.17.name`).',
    security: protectedSecurity,
    middleware: guard,
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: batchRequestSchema(options.maxBatchParties) } },
      },
    },
    responses: {
      200: {
        description: 'One result per party, in order',
        content: { 'application/json': { schema: ScreenBatchResponseSchema } },
      },
      ...protectedErrors,
      ...notFoundError,
      ...tooLargeError,
      ...notReadyError,
    },
  });
  app.openapi(batch, async (c) => {
    const body = c.req.valid('json');
    const queries = body.parties.map(partyQuery);
    const outcome = await deps.screening.screen(queries, body);
    metrics.screenedParties.inc({ endpoint: 'screen-batch' }, queries.length);
    const results = queries.map((q, i) => {
      const matches = outcome.results[i] ?? [];
      return {
        id: q.id,
        name: q.name,
        match: matches.some((m) => m.match),
        matches,
        cleared: outcome.cleared[i] ?? [],
      };
    });
    return c.json(
      {
        results,
        counts: {
          in: queries.length,
          screened: results.length,
          matched: results.filter((r) => r.match).length,
        },
        lists: outcome.lists,
        threshold: outcome.threshold,
        algorithm: outcome.algorithm,
        ...(outcome.alerts ? { alerts: outcome.alerts } : {}),
      },
      200,
    );
  });
}
