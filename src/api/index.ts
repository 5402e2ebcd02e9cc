/**
 * The HTTP API, the public face: `createApiApp(deps, options)` builds the Hono app that
 * `sentinela serve` listens with; `ApiDependencies` is what it needs from the services.
 */
export { apiVersion, createApiApp, type ApiServer } from './api-app.js';
export type { ApiDependencies, ApiReadiness } from './api-dependencies.js';
export { apiDependenciesOnStores } from './service-adapters/api-dependencies-on-stores.js';
export type { ApiApp, ApiEnv, ApiPrincipal } from './api-env.js';
export { defaultApiOptions, type ApiOptions } from './api-options.js';
export { csrfHeaderName, sessionCookieName, type CredentialCheck } from './api-authentication.js';
export type { PermissionCheck } from './api-access.js';
