/**
 * API tokens: bearer secrets for systems (a payment hub screening parties, a script pulling alerts),
 * each tied to a user and narrowed by scopes. Only the SHA-256 of the secret is stored.
 */
import type { TokenScope } from '../auth/index.js';

export interface ApiToken {
  /** Public id (`tok-…`), for listing and revoking. */
  id: string;
  userName: string;
  scopes: TokenScope[];
  /** What the token is for, e.g. "payments hub". */
  label?: string;
  /** SHA-256 (hex) of the secret. */
  hash: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  revokedAt?: string;
  /** Updated at most about once a minute, so checking a token stays a read. */
  lastUsedAt?: string;
}

/**
 * @example
 * await stores.tokens.add(token);
 * const found = await stores.tokens.findByHash(secretHash(presented));
 */
export interface TokenStore {
  add(token: ApiToken): Promise<void>;
  get(id: string): Promise<ApiToken | undefined>;
  findByHash(hash: string): Promise<ApiToken | undefined>;
  /** Newest first; optionally one user's. */
  list(filter?: { userName?: string }): Promise<ApiToken[]>;
  /** Marks the token revoked; false when it does not exist or was already revoked. */
  revoke(id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
}
