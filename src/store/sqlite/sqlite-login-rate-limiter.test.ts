import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from './sqlite-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-limiter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteLoginRateLimiter', () => {
  it('shares the count between processes on one file (two connections here)', async () => {
    const path = join(dir, 'shared.sqlite');
    const workerA = openSqliteStores(path);
    const workerB = openSqliteStores(path);
    try {
      const now = new Date();
      for (let i = 0; i < 3; i++) await workerA.loginLimiter.fail('user:ana', now);
      for (let i = 0; i < 3; i++) await workerB.loginLimiter.fail('user:ana', now);
      expect((await workerA.loginLimiter.check('user:ana', now)).allowed).toBe(false);
      expect((await workerB.loginLimiter.check('user:ana', now)).allowed).toBe(false);
    } finally {
      await workerA.close();
      await workerB.close();
    }
  });
});
