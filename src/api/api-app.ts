/**
 * The HTTP API as one Hono app: the middleware every request passes (metrics, request log,
 * security headers, body limits, authentication), every area's routes from the route table, the
 * OpenAPI 3.1 document generated from the routes' zod schemas, and the reference page. Routes only
 * parse, call a service from `ApiDependencies` and render — no domain logic lives here.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { authenticate, sessionCookieName } from './api-authentication.js';
import type { ApiDependencies } from './api-dependencies.js';
import type { ApiApp, ApiEnv } from './api-env.js';
import { apiErrorHandler, apiNotFound } from './api-errors.js';
import { type ApiOptions, defaultApiOptions } from './api-options.js';
import { bodySizeLimits } from './body-size-limits.js';
import { createApiMetrics, type ApiMetrics } from './http-metrics.js';
import { registerReferencePage } from './reference-page.js';
import { requestLog } from './request-log.js';
import { routeTable } from './route-table.js';
import { securityHeaders } from './security-headers.js';
import { validationHook } from './validation-hook.js';
import { registerWorkbench } from './workbench-assets.js';

/** The API version reported in the OpenAPI document. */
export const apiVersion = '1.0.0';

export interface ApiServer {
  app: ApiApp;
  metrics: ApiMetrics;
  options: ApiOptions;
}

/**
 * @example
 * const { app } = createApiApp(deps, { log: (l) => process.stderr.write(`${l}\n`) });
 * const res = await app.request('/healthz'); // 200 {"status":"ok"}
 */
export function createApiApp(deps: ApiDependencies, overrides: Partial<ApiOptions> = {}): ApiServer {
  const options: ApiOptions = { ...defaultApiOptions, ...overrides };
  const metrics = createApiMetrics({ processMetrics: options.processMetrics });
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.onError(apiErrorHandler(options.log, options.redact));
  app.notFound(apiNotFound);

  app.use('*', metrics.middleware);
  if (options.log) app.use('*', requestLog(options.log));
  app.use('*', securityHeaders());
  app.use('*', bodySizeLimits(options));
  app.use('*', authenticate(deps.credentials));

  for (const { register } of routeTable) register(app, { deps, options, metrics });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `sentinela tokens create --user NAME --scope SCOPE`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'The session cookie set by `POST /auth/sign-in` (HttpOnly, SameSite=Strict). State-changing requests must also send the `X-CSRF-Token` header.',
  });
  // Public: the document describes the API, it holds no data.
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sentinela API',
      version: apiVersion,
      description:
        'Screening (including a yente-compatible `/match/{dataset}`), list versions, one alert queue across every engine, cases with four-eyes review, and sign-in. See docs/api.md.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
  });
  registerReferencePage(app);
  registerWorkbench(app);
  return { app, metrics, options };
}
