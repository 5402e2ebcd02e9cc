/**
 * Whether this server can screen yet: it starts `starting`, is `building` while the screener
 * cache builds its first index, then `ready` (or `no-lists` when the store holds none, `failed`
 * when the build broke). `/readyz` reports it; screening routes answer 503 until it is ready.
 */
import type { ScreenerCache } from '../../services/screener-cache.js';
import { ServiceError } from '../../services/service-error.js';
import type { ApiReadiness } from '../api-dependencies.js';

/** How often a server without lists (or whose build failed) looks again. */
const recheckMs = 2000;

export class ScreeningReadiness {
  private current: ApiReadiness = { state: 'starting', lists: [] };
  private lastAttempt = 0;
  private warming: Promise<void> | undefined;

  constructor(private readonly screeners: ScreenerCache) {}

  state(): ApiReadiness {
    return this.current;
  }

  /**
   * A server that started without lists (or whose build failed) looks again, at most every two
   * seconds, so lists imported later with the CLI make it ready without a restart.
   */
  async recheck(onError?: (error: unknown) => void): Promise<void> {
    const { state } = this.current;
    if (state !== 'no-lists' && state !== 'failed') return;
    if (performance.now() - this.lastAttempt < recheckMs) return;
    await this.warm(onError);
  }

  /** Builds the first index; `onError` gets what broke (for the server log) when it is not "no lists". */
  async warm(onError?: (error: unknown) => void): Promise<void> {
    this.warming ??= this.build(onError).finally(() => {
      this.warming = undefined;
    });
    return this.warming;
  }

  private async build(onError?: (error: unknown) => void): Promise<void> {
    this.lastAttempt = performance.now();
    if (this.current.state !== 'no-lists') this.current = { state: 'building', lists: [] };
    try {
      const loaded = await this.screeners.current();
      this.current = {
        state: 'ready',
        lists: loaded.versions.map((v) => ({ list: v.list, version: String(v.id), entities: v.entityCount })),
      };
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'not-found') {
        this.current = {
          state: 'no-lists',
          lists: [],
          detail: 'no lists in the store: import some with `sentinela lists import`',
        };
        return;
      }
      this.current = {
        state: 'failed',
        lists: [],
        detail: 'the screening index could not be built; see the server log',
      };
      onError?.(error);
    }
  }
}
