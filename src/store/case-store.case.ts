/**
 * The conformance suite every CaseStore implementation must pass: cases round-trip, stale updates
 * are refused, lists filter and page, comments and evidence (content included) come back whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { disposeCase, openCase } from '../cases/index.js';
import type { CaseEvidence, CaseStore } from '../core/index.js';

export interface CaseStoreImplementation {
  name: string;
  open(): Promise<{ cases: CaseStore; close(): Promise<void> }>;
}

function newCase(n: number, at = `2026-12-01T22:00:${String(n).padStart(2, '0')}.000Z`) {
  return openCase({ id: `case-${n}`, title: `Case ${n}`, alertIds: [`a${n}`], createdBy: 'ana', at });
}

/**
 * @example
 * for (const impl of storeImplementations()) runCaseStoreConformance(impl);
 */
export function runCaseStoreConformance(implementation: CaseStoreImplementation): void {
  describe(`${implementation.name} CaseStore (conformance)`, () => {
    let opened: { cases: CaseStore; close(): Promise<void> } | undefined;
    const open = async (): Promise<CaseStore> => {
      opened = await implementation.open();
      return opened.cases;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('stores a case and refuses an update from a stale copy', async () => {
      const s = await open();
      const c = newCase(1);
      await s.create(c);
      expect(await s.get('case-1')).toEqual(c);
      expect(await s.get('case-2')).toBeUndefined();
      const disposed = disposeCase(
        c,
        'true-match',
        'same passport',
        { name: 'ana', role: 'analyst' },
        c.createdAt,
      );
      expect(await s.update(disposed)).toBe(true);
      expect(await s.update(disposed)).toBe(false);
      const stale = disposeCase(
        c,
        'false-positive',
        'other DOB',
        { name: 'bo', role: 'analyst' },
        c.createdAt,
      );
      expect(await s.update(stale)).toBe(false);
      expect(await s.get('case-1')).toEqual(disposed);
    });

    it('lists newest first, filtered, in pages', async () => {
      const s = await open();
      for (let n = 1; n <= 7; n++) await s.create({ ...newCase(n), ...(n % 2 ? { assignee: 'ana' } : {}) });
      const c3 = (await s.get('case-3'))!;
      await s.update(
        disposeCase(c3, 'true-match', 'same DOB', { name: 'ana', role: 'analyst' }, c3.createdAt),
      );
      const first = await s.list({ limit: 3 });
      expect(first.cases.map((c) => c.id)).toEqual(['case-7', 'case-6', 'case-5']);
      const second = await s.list({ limit: 3, cursor: first.nextCursor! });
      expect(second.cases.map((c) => c.id)).toEqual(['case-4', 'case-3', 'case-2']);
      const third = await s.list({ limit: 3, cursor: second.nextCursor! });
      expect(third).toEqual({ cases: [expect.objectContaining({ id: 'case-1' })] });
      expect((await s.list({ assignee: 'ana' })).cases.map((c) => c.id)).toEqual([
        'case-7',
        'case-5',
        'case-3',
        'case-1',
      ]);
      expect((await s.list({ status: 'in-review' })).cases.map((c) => c.id)).toEqual(['case-3']);
      expect((await s.list({ awaitingApproval: true })).cases.map((c) => c.id)).toEqual(['case-3']);
      await expect(s.list({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
    });

    it('keeps comments and evidence with their content', async () => {
      const s = await open();
      await s.create(newCase(1));
      await s.addComment({
        id: 'k1',
        caseId: 'case-1',
        author: 'ana',
        text: 'DOB differs',
        at: '2026-12-01T22:01:00.000Z',
      });
      await s.addComment({
        id: 'k2',
        caseId: 'case-1',
        author: 'bo',
        text: 'agreed',
        at: '2026-12-01T22:02:00.000Z',
      });
      expect((await s.comments('case-1')).map((c) => c.id)).toEqual(['k1', 'k2']);
      const content = new Uint8Array([0, 1, 2, 255]);
      const meta: CaseEvidence = {
        id: 'ev1',
        caseId: 'case-1',
        fileName: 'passport.png',
        mediaType: 'image/png',
        bytes: 4,
        sha256: 'f'.repeat(64),
        addedBy: 'ana',
        addedAt: '2026-12-01T22:03:00.000Z',
      };
      await s.addEvidence(meta, content);
      expect(await s.evidence('case-1')).toEqual([meta]);
      expect(await s.evidenceContent('ev1')).toEqual({ meta, content });
      expect(await s.evidenceContent('ev2')).toBeUndefined();
      expect(await s.comments('case-2')).toEqual([]);
    });
  });
}
