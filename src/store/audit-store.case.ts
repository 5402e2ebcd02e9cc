/**
 * The conformance suite every AuditStore implementation must pass: appends seal a valid chain
 * (concurrent ones too), entries page in position order, checkpoints and the signing key persist.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateAuditSigningKey, signCheckpoint, verifyAuditLog } from '../audit/index.js';
import type { AuditStore } from '../core/index.js';

export interface AuditStoreImplementation {
  name: string;
  open(): Promise<{ audit: AuditStore; close(): Promise<void> }>;
}

/**
 * @example
 * for (const impl of storeImplementations()) runAuditStoreConformance(impl);
 */
export function runAuditStoreConformance(implementation: AuditStoreImplementation): void {
  describe(`${implementation.name} AuditStore (conformance)`, () => {
    let opened: { audit: AuditStore; close(): Promise<void> } | undefined;
    const open = async (): Promise<AuditStore> => {
      opened = await implementation.open();
      return opened.audit;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('starts with an empty chain', async () => {
      const s = await open();
      expect(await s.head()).toEqual({ count: 0, headHash: '0'.repeat(64) });
      expect(await s.entries()).toEqual([]);
      expect(await s.checkpoints()).toEqual([]);
    });

    it('seals appends onto the head and reads them back exactly', async () => {
      const s = await open();
      const first = await s.append({
        actor: 'ana',
        action: 'case.create',
        target: 'case:c1',
        before: null,
        after: { title: 'Juan Pérez', alertIds: ['b', 'a'], score: 0.93, extra: undefined },
        at: '2026-12-01T22:00:00.000Z',
      });
      expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
      const second = await s.append({
        actor: 'bo',
        action: 'case.comment',
        target: 'case:c1',
        before: null,
        after: 'ok',
      });
      expect(second.prevHash).toBe(first.hash);
      expect(await s.head()).toEqual({ count: 2, headHash: second.hash });
      const entries = await s.entries();
      expect(entries).toEqual([first, second]);
      expect(entries[0]!.after).toEqual({ title: 'Juan Pérez', alertIds: ['b', 'a'], score: 0.93 });
      expect(verifyAuditLog(entries).ok).toBe(true);
    });

    it('keeps the chain whole under concurrent appends and pages in order', async () => {
      const s = await open();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.append({ actor: `u${i % 3}`, action: 'test.append', target: `t:${i}`, before: null, after: i }),
        ),
      );
      const page1 = await s.entries({ limit: 25 });
      const page2 = await s.entries({ afterSeq: 25, limit: 25 });
      expect(page1.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(page2).toHaveLength(15);
      expect(verifyAuditLog([...page1, ...page2]).ok).toBe(true);
    });

    it('finds entries newest first by actor, action or target', async () => {
      const s = await open();
      for (let i = 1; i <= 5; i++)
        await s.append({
          actor: i % 2 ? 'ana' : 'bo',
          action: 'x.y',
          target: `case:c${i % 2}`,
          before: null,
          after: i,
        });
      expect((await s.find({ actor: 'ana' })).map((e) => e.seq)).toEqual([5, 3, 1]);
      expect((await s.find({ target: 'case:c0' })).map((e) => e.seq)).toEqual([4, 2]);
      expect((await s.find({ beforeSeq: 3, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    });

    it('creates the signing key once and keeps checkpoints', async () => {
      const s = await open();
      expect(await s.publicKey()).toBeUndefined();
      const key = await s.signingKey(() => generateAuditSigningKey());
      const again = await s.signingKey(() => {
        throw new Error('must not create a second key');
      });
      expect(again).toEqual(key);
      expect(await s.publicKey()).toEqual({ keyId: key.keyId, publicKeyPem: key.publicKeyPem });
      const e = await s.append({ actor: 'a', action: 'b', target: 'c', before: null, after: null });
      const cp = signCheckpoint({ count: 1, headHash: e.hash }, key);
      await s.addCheckpoint(cp);
      expect(await s.checkpoints()).toEqual([cp]);
    });
  });
}
