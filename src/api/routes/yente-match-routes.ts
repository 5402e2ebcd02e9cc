/**
 * yente's `POST /match/{dataset}`: query-by-example screening in OpenSanctions' API shape, so
 * tools built for yente work against Sentinela by changing the base URL (and adding the token
 * yente never asked for). `dataset` is `default` (every loaded list) or one list's name.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ScreeningMatch } from '../../core/index.js';
import { requireAction } from '../api-access.js';
import type { ApiApp } from '../api-env.js';
import type { ApiRouteContext } from '../api-route-module.js';
import { ApiProblem, type FieldProblem } from '../problem-response.js';
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
  EntityMatchResponseSchema,
  MatchQueryParamsSchema,
  matchQuerySchema,
} from '../schemas/yente-schemas.js';
import { invalidDetail } from '../validation-hook.js';
import { readFtmExample } from '../yente/ftm-party-query.js';
import { ftmEntityId, type ScoredEntity, scoredEntity } from '../yente/ftm-scored-entity.js';

/** yente's default page of results per query. */
const defaultLimit = 5;

/** The best match per listed entity over the names of one example (yente scores any of them). */
function bestPerEntity(perName: ScreeningMatch[][]): Array<{ match: ScreeningMatch; nameIndex: number }> {
  const best = new Map<string, { match: ScreeningMatch; nameIndex: number }>();
  perName.forEach((matches, nameIndex) => {
    for (const match of matches) {
      const key = ftmEntityId(match.list, match.entityId);
      const held = best.get(key);
      if (!held || match.score > held.match.score) best.set(key, { match, nameIndex });
    }
  });
  return [...best.values()].sort((a, b) => b.match.score - a.match.score);
}

export function registerYenteMatchRoutes(app: ApiApp, { deps, options, metrics }: ApiRouteContext): void {
  const limiter = options.screeningRate ? new RateLimiter(options.screeningRate) : undefined;
  const route = createRoute({
    method: 'post',
    path: '/match/{dataset}',
    tags: ['Screening'],
    summary: 'yente-compatible query-by-example matching',
    description:
      'The request and response of OpenSanctions yente `POST /match/{dataset}`. `dataset` is `default` (every loaded list) or one list name. Results carry `id` (`list:entityId`), `caption`, `schema`, FtM `properties`, `score`, `match` and per-feature `explanations`.',
    security: protectedSecurity,
    middleware: [requireAction(deps.allows, 'screening.run'), rateLimited(limiter, 'screening')],
    request: {
      params: z.object({ dataset: z.string().min(1).max(100).openapi({ example: 'default' }) }),
      query: MatchQueryParamsSchema,
      body: {
        required: true,
        content: { 'application/json': { schema: matchQuerySchema(options.maxBatchParties) } },
      },
    },
    responses: {
      200: {
        description: 'One response per query key',
        content: { 'application/json': { schema: EntityMatchResponseSchema } },
      },
      ...protectedErrors,
      ...notFoundError,
      ...tooLargeError,
      ...notReadyError,
    },
  });

  app.openapi(route, async (c) => {
    const { dataset } = c.req.valid('param');
    const params = c.req.valid('query');
    const body = c.req.valid('json');
    const problems: FieldProblem[] = [];
    if (body.weights && Object.keys(body.weights).length > 0)
      problems.push({
        field: 'body.weights',
        message: 'Sentinela’s matcher weights are fixed; send no weights',
      });
    if (body.config && Object.keys(body.config).length > 0)
      problems.push({
        field: 'body.config',
        message: 'Sentinela’s matcher takes no configuration; send no config',
      });
    const excluded = new Set(
      params.exclude_entity_ids === undefined ? [] : [params.exclude_entity_ids].flat().slice(0, 50),
    );
    const lists = dataset === 'default' ? undefined : [dataset];
    if (lists && !deps.screening.listNames().includes(dataset))
      throw new ApiProblem(
        404,
        `no dataset ${dataset}; use default or one of: ${deps.screening.listNames().join(', ')}`,
      );

    const keys = Object.keys(body.queries);
    const readings = keys.map((key) => readFtmExample(key, body.queries[key]!, `body.queries.${key}`));
    for (const reading of readings) if ('problems' in reading) problems.push(...reading.problems);
    if (problems.length > 0) throw new ApiProblem(400, invalidDetail(problems), { errors: problems });

    const limit = params.limit ?? defaultLimit;
    const parties = readings.flatMap((r) => ('parties' in r ? r.parties : []));
    const threshold = params.threshold;
    // yente: results below `cutoff` are not returned; the cutoff never exceeds the threshold.
    const outcome = await deps.screening.screen(parties, {
      ...(threshold !== undefined ? { threshold } : {}),
      ...(params.cutoff !== undefined
        ? { minScore: Math.min(params.cutoff, threshold ?? params.cutoff) }
        : {}),
      limit: limit + excluded.size,
      ...(lists ? { lists } : {}),
    });
    metrics.screenedParties.inc({ endpoint: 'match' }, keys.length);

    const responses: Record<
      string,
      {
        status: number;
        results: ScoredEntity[];
        total: { value: number; relation: string };
        query: (typeof body.queries)[string];
      }
    > = {};
    let offset = 0;
    for (const [i, key] of keys.entries()) {
      const reading = readings[i]!;
      const names = 'parties' in reading ? reading.parties : [];
      const perName = outcome.results.slice(offset, offset + names.length);
      offset += names.length;
      const kept = bestPerEntity(perName).filter(
        ({ match }) =>
          !excluded.has(ftmEntityId(match.list, match.entityId)) && !excluded.has(match.entityId),
      );
      const results = await Promise.all(
        kept
          .slice(0, limit)
          .map(async ({ match, nameIndex }) =>
            scoredEntity(
              await deps.screening.entity(match.list, match.listVersion, match.entityId),
              match,
              names[nameIndex]?.name ?? '',
            ),
          ),
      );
      responses[key] = {
        status: 200,
        results,
        total: { value: kept.length, relation: 'eq' },
        query: body.queries[key]!,
      };
    }
    c.header('x-batch-size', String(keys.length));
    c.header('x-sentinela-algorithm', outcome.algorithm);
    return c.json({ responses, limit }, 200);
  });
}
