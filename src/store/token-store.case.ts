/** The conformance suite every TokenStore implementation must pass: lookup by hash, listing, revocation once. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiToken, TokenStore } from '../core/index.js';

export interface TokenStoreImplementation {
  name: string;
  open(): Promise<{ tokens: TokenStore; close(): Promise<void> }>;
}

const token: ApiToken = {
  id: 'tok-000001',
  userName: 'ana',
  scopes: ['screen', 'read'],
  label: 'payments hub',
  hash: 'a'.repeat(64),
  createdAt: '2026-12-01T22:00:00.000Z',
  createdBy: 'admin',
};

/**
 * @example
 * for (const impl of storeImplementations()) runTokenStoreConformance(impl);
 */
export function runTokenStoreConformance(implementation: TokenStoreImplementation): void {
  describe(`${implementation.name} TokenStore (conformance)`, () => {
    let opened: { tokens: TokenStore; close(): Promise<void> } | undefined;
    const open = async (): Promise<TokenStore> => {
      opened = await implementation.open();
      return opened.tokens;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('finds a token by its hash and id', async () => {
      const s = await open();
      expect(await s.findByHash(token.hash)).toBeUndefined();
      await s.add(token);
      expect(await s.findByHash(token.hash)).toEqual(token);
      expect(await s.get(token.id)).toEqual(token);
      expect(await s.findByHash('b'.repeat(64))).toBeUndefined();
    });

    it("lists newest first, or one user's", async () => {
      const s = await open();
      await s.add(token);
      const { label: _l, ...second } = {
        ...token,
        id: 'tok-000002',
        userName: 'bo',
        hash: 'c'.repeat(64),
        createdAt: '2026-12-02T00:00:00.000Z',
        expiresAt: '2027-01-01T00:00:00.000Z',
      };
      await s.add(second);
      expect((await s.list()).map((t) => t.id)).toEqual(['tok-000002', 'tok-000001']);
      expect(await s.list({ userName: 'bo' })).toEqual([second]);
    });

    it('revokes once and records use', async () => {
      const s = await open();
      await s.add(token);
      expect(await s.revoke(token.id, '2026-12-03T00:00:00.000Z')).toBe(true);
      expect(await s.revoke(token.id, '2026-12-04T00:00:00.000Z')).toBe(false);
      expect(await s.revoke('tok-missing', '2026-12-04T00:00:00.000Z')).toBe(false);
      await s.touch(token.id, '2026-12-03T01:00:00.000Z');
      expect(await s.get(token.id)).toEqual({
        ...token,
        revokedAt: '2026-12-03T00:00:00.000Z',
        lastUsedAt: '2026-12-03T01:00:00.000Z',
      });
    });
  });
}
