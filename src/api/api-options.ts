/**
 * The limits and switches of one API app, with the defaults `serve` uses. Every limit is here so
 * `docs/api.md` and the OpenAPI document can state it and tests can lower it.
 */
import type { RateLimit } from './rate-limiter.js';

export interface ApiOptions {
  /** Largest JSON body accepted on ordinary routes (bytes). */
  maxJsonBytes: number;
  /** Largest body on batch routes (`/screen/batch`, `/match/{dataset}`). */
  maxBatchBytes: number;
  /** Largest evidence file attached to a case. */
  maxEvidenceBytes: number;
  /** Most parties in one batch or yente match request. */
  maxBatchParties: number;
  /** Screening requests per caller (user or token). `undefined` switches the limit off. */
  screeningRate?: RateLimit;
  /** Sign-in attempts per client address, before the auth service's own per-user limit. */
  signInRate?: RateLimit;
  /** Mark the session cookie `Secure` (set when TLS terminates in front of the server). */
  secureCookies: boolean;
  /** Where one line per request goes (method, route pattern, status, duration); none when absent. */
  log?: (line: string) => void;
  /** Texts never shown in an error (the store's file path). */
  redact: string[];
  /** Include Node process metrics (memory, event loop lag) in `/metrics`. */
  processMetrics: boolean;
}

export const defaultApiOptions: ApiOptions = {
  maxJsonBytes: 256 * 1024,
  maxBatchBytes: 4 * 1024 * 1024,
  maxEvidenceBytes: 10 * 1024 * 1024,
  maxBatchParties: 1000,
  // A payment system screening every transfer stays well inside this; a scraper does not.
  screeningRate: { perSecond: 200, burst: 400 },
  signInRate: { perSecond: 0.2, burst: 10 },
  secureCookies: false,
  processMetrics: false,
  redact: [],
};
