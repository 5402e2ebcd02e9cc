/** The conformance suite every SessionStore implementation must pass: add, touch, end one, end a user's, expire. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Session, SessionStore } from '../core/index.js';

export interface SessionStoreImplementation {
  name: string;
  open(): Promise<{ sessions: SessionStore; close(): Promise<void> }>;
}

function session(n: number, userName: string, createdAt: string, lastSeenAt = createdAt): Session {
  return {
    idHash: String(n).repeat(64).slice(0, 64),
    userName,
    csrfToken: `csrf-${n}`,
    createdAt,
    lastSeenAt,
  };
}

/**
 * @example
 * for (const impl of storeImplementations()) runSessionStoreConformance(impl);
 */
export function runSessionStoreConformance(implementation: SessionStoreImplementation): void {
  describe(`${implementation.name} SessionStore (conformance)`, () => {
    let opened: { sessions: SessionStore; close(): Promise<void> } | undefined;
    const open = async (): Promise<SessionStore> => {
      opened = await implementation.open();
      return opened.sessions;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('stores, touches and deletes a session', async () => {
      const s = await open();
      const a = session(1, 'ana', '2026-12-01T22:00:00.000Z');
      await s.add(a);
      expect(await s.get(a.idHash)).toEqual(a);
      await s.touch(a.idHash, '2026-12-01T22:10:00.000Z');
      expect((await s.get(a.idHash))?.lastSeenAt).toBe('2026-12-01T22:10:00.000Z');
      expect(await s.delete(a.idHash)).toBe(true);
      expect(await s.delete(a.idHash)).toBe(false);
      expect(await s.get(a.idHash)).toBeUndefined();
    });

    it('ends every session of a user, and expired sessions', async () => {
      const s = await open();
      await s.add(session(1, 'ana', '2026-12-01T10:00:00.000Z'));
      await s.add(session(2, 'ana', '2026-12-01T21:00:00.000Z'));
      await s.add(session(3, 'bo', '2026-12-01T10:00:00.000Z', '2026-12-01T21:50:00.000Z'));
      await s.add(session(4, 'bo', '2026-12-01T21:00:00.000Z', '2026-12-01T21:10:00.000Z'));
      await s.add(session(5, 'cy', '2026-12-01T21:00:00.000Z', '2026-12-01T21:55:00.000Z'));
      expect(await s.deleteForUser('ana')).toBe(2);
      // created before 12:00, or idle since before 21:30
      expect(await s.deleteExpired('2026-12-01T12:00:00.000Z', '2026-12-01T21:30:00.000Z')).toBe(2);
      expect(await s.get(session(5, 'cy', '').idHash)).toBeDefined();
    });
  });
}
