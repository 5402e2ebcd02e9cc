/**
 * What the HTTP door needs from the rest of Sentinela, as one object handed to `createApiApp`:
 * the services of each area (screening, lists, alerts, cases, auth, audit) and the readiness of
 * the screening index. `serve` builds it from `openStores()` and the services; the API never
 * opens a store or builds a screener itself.
 */
import type { CredentialCheck } from './api-authentication.js';
import type { PermissionCheck } from './api-access.js';

/** Whether the server can screen yet, and against what. */
export interface ApiReadiness {
  /** `starting`: lists not loaded yet; `building`: index being built; `no-lists`: nothing to screen against. */
  state: 'starting' | 'building' | 'ready' | 'no-lists' | 'failed';
  lists: Array<{ list: string; version: string; entities: number }>;
  /** A short reason for `failed` or `no-lists`, safe to show. */
  detail?: string;
}

export interface ApiDependencies {
  readiness(): ApiReadiness;
  credentials: CredentialCheck;
  allows: PermissionCheck;
}
