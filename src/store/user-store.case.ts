/**
 * The conformance suite every UserStore implementation must pass: users round-trip whole, names
 * are unique, changes apply field by field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { User, UserStore } from '../core/index.js';

export interface UserStoreImplementation {
  name: string;
  open(): Promise<{ users: UserStore; close(): Promise<void> }>;
}

const ana: User = {
  name: 'ana',
  role: 'analyst',
  passwordHash: 'scrypt$10$8$1$c2FsdA==$aGFzaA==',
  disabled: false,
  mustChangePassword: false,
  createdAt: '2026-12-01T22:00:00.000Z',
  createdBy: 'local:root',
};

/**
 * @example
 * for (const impl of storeImplementations()) runUserStoreConformance(impl);
 */
export function runUserStoreConformance(implementation: UserStoreImplementation): void {
  describe(`${implementation.name} UserStore (conformance)`, () => {
    let opened: { users: UserStore; close(): Promise<void> } | undefined;
    const open = async (): Promise<UserStore> => {
      opened = await implementation.open();
      return opened.users;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    it('starts empty', async () => {
      const s = await open();
      expect(await s.count()).toBe(0);
      expect(await s.list()).toEqual([]);
      expect(await s.get('ana')).toBeUndefined();
    });

    it('adds users once per name and reads them back by name', async () => {
      const s = await open();
      expect(await s.add(ana)).toBe(true);
      expect(await s.add({ ...ana, role: 'admin' })).toBe(false);
      const { passwordHash: _none, ...tokenOnly } = { ...ana, name: 'bot', role: 'analyst' as const };
      expect(await s.add(tokenOnly)).toBe(true);
      expect(await s.get('ana')).toEqual(ana);
      expect(await s.get('bot')).toEqual(tokenOnly);
      expect((await s.list()).map((u) => u.name)).toEqual(['ana', 'bot']);
      expect(await s.count()).toBe(2);
    });

    it('applies changes field by field', async () => {
      const s = await open();
      await s.add(ana);
      expect(await s.update('ana', { disabled: true })).toEqual({ ...ana, disabled: true });
      expect(
        await s.update('ana', { role: 'supervisor', passwordHash: 'x', mustChangePassword: true }),
      ).toEqual({
        ...ana,
        disabled: true,
        role: 'supervisor',
        passwordHash: 'x',
        mustChangePassword: true,
      });
      expect(await s.update('nobody', { disabled: true })).toBeUndefined();
    });
  });
}
