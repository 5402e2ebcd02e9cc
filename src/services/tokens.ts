/**
 * API tokens: created for a user with scopes (the secret is returned once and stored as its
 * SHA-256), listed without secrets, revoked, and checked on every API request — cheaply, since
 * the secret has full entropy and a hash lookup is all it takes.
 */
import {
  isTokenScope,
  newPublicId,
  newSecret,
  permissionMatrix,
  scopeActions,
  secretHash,
  type TokenScope,
  tokenScopes,
} from '../auth/index.js';
import type { ApiToken, AuditStore, TokenStore, UserStore } from '../core/index.js';
import { recordAudit } from './audit-record.js';
import { auditActor, authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';
import { userName } from './users.js';

export interface TokenStores {
  users: UserStore;
  tokens: TokenStore;
  audit: AuditStore;
}

/** A token as listed: everything but the hash. */
export type TokenInfo = Omit<ApiToken, 'hash'>;

function info(token: ApiToken): TokenInfo {
  const { hash: _hidden, ...rest } = token;
  return rest;
}

export interface NewTokenInput {
  userName: string;
  scopes: readonly string[];
  label?: string;
  /** Days until the token stops working; omitted: until revoked. */
  expiresInDays?: number;
}

/**
 * @example
 * const { token, secret } = await createToken(stores, admin, { userName: 'payments-hub', scopes: ['screen'] });
 * // show `secret` once; it cannot be recovered
 */
export async function createToken(
  stores: TokenStores,
  actor: Principal,
  input: NewTokenInput,
): Promise<{ token: TokenInfo; secret: string }> {
  authorize(actor, 'tokens.manage');
  const name = userName(input.userName);
  const user = await stores.users.get(name);
  if (!user) throw new ServiceError('not-found', `no user named ${name}`, { field: 'user' });
  if (user.disabled) throw new ServiceError('conflict', `${name} is disabled`, { field: 'user' });
  const scopes = [...new Set(input.scopes.map((s) => s.trim()).filter(Boolean))];
  if (scopes.length === 0)
    throw new ServiceError('invalid', `give at least one scope: ${tokenScopes.join(', ')}`, {
      field: 'scope',
    });
  for (const scope of scopes) {
    if (!isTokenScope(scope))
      throw new ServiceError('invalid', `scope "${scope}": expected one of ${tokenScopes.join(', ')}`, {
        field: 'scope',
      });
    const usable = [...scopeActions[scope]].some((a) => permissionMatrix[user.role].has(a));
    if (!usable)
      throw new ServiceError('invalid', `scope ${scope} allows nothing a ${user.role} may do`, {
        field: 'scope',
      });
  }
  const days = input.expiresInDays;
  if (days !== undefined && !(Number.isFinite(days) && days > 0 && days <= 3650))
    throw new ServiceError('invalid', 'expiry: a number of days between 1 and 3650', {
      field: 'expiresInDays',
    });
  const label = input.label?.trim();
  if (label && label.length > 200)
    throw new ServiceError('invalid', 'a label has at most 200 characters', { field: 'label' });
  const now = new Date();
  const secret = newSecret('snt');
  const token: ApiToken = {
    id: newPublicId('tok'),
    userName: name,
    scopes: scopes as TokenScope[],
    ...(label ? { label } : {}),
    hash: secretHash(secret),
    createdAt: now.toISOString(),
    createdBy: auditActor(actor),
    ...(days !== undefined ? { expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString() } : {}),
  };
  await stores.tokens.add(token);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'token.create',
    target: `token:${token.id}`,
    before: null,
    after: { ...info(token) },
  });
  return { token: info(token), secret };
}

export async function listTokens(
  stores: Pick<TokenStores, 'tokens'>,
  actor: Principal,
  filter: { userName?: string } = {},
): Promise<TokenInfo[]> {
  authorize(actor, 'tokens.manage');
  const list = await stores.tokens.list(filter.userName ? { userName: userName(filter.userName) } : {});
  return list.map(info);
}

export async function revokeToken(stores: TokenStores, actor: Principal, id: string): Promise<TokenInfo> {
  authorize(actor, 'tokens.manage');
  const token = await stores.tokens.get(id);
  if (!token) throw new ServiceError('not-found', `no token with id ${id}`);
  if (token.revokedAt) return info(token);
  const at = new Date().toISOString();
  await stores.tokens.revoke(id, at);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'token.revoke',
    target: `token:${id}`,
    before: { revokedAt: null },
    after: { revokedAt: at },
  });
  return info({ ...token, revokedAt: at });
}

/** `lastUsedAt` is written at most this often per token, so checking a token stays a read. */
const touchIntervalMs = 60_000;

/**
 * The principal a presented token stands for, or undefined when it is unknown, revoked, expired or
 * its user is disabled (the door answers 401 without saying which).
 *
 * @example
 * const principal = await authenticateToken(stores, header.slice('Bearer '.length));
 */
export async function authenticateToken(
  stores: Pick<TokenStores, 'users' | 'tokens'>,
  secret: string,
  now: Date = new Date(),
): Promise<Principal | undefined> {
  if (!secret.startsWith('snt_') || secret.length > 200) return undefined;
  const token = await stores.tokens.findByHash(secretHash(secret));
  if (!token || token.revokedAt) return undefined;
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) return undefined;
  const user = await stores.users.get(token.userName);
  if (!user || user.disabled) return undefined;
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > touchIntervalMs)
    await stores.tokens.touch(token.id, now.toISOString());
  return { name: user.name, role: user.role, via: 'token', scopes: token.scopes, tokenId: token.id };
}
