import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedDataPath } from '../cli/shared/packaged-data.js';
import { importPublication, readPublication } from '../services/import-list.js';
import { openStores } from '../store/index.js';
import { createApiApp } from './api-app.js';
import { apiDependenciesOnStores } from './service-adapters/api-dependencies-on-stores.js';

describe('readiness', () => {
  it('is 503 until the index is built, says when the store has no lists, and turns ready once lists arrive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-ready-'));
    const stores = await openStores(join(dir, 'empty.sqlite'));
    try {
      const { deps, readiness } = apiDependenciesOnStores(stores);
      const { app } = createApiApp(deps);
      expect(((await (await app.request('/readyz')).json()) as { status: string }).status).toBe('starting');
      await readiness.warm();
      const empty = await app.request('/readyz');
      expect(empty.status).toBe(503);
      expect(((await empty.json()) as { status: string }).status).toBe('no-lists');
      const sample = packagedDataPath('sample', 'sample-watchlist.csv')!;
      await importPublication(
        stores,
        await readPublication([sample], { format: 'csv', list: 'sample-watchlist' }),
      );
      let status = '';
      for (let i = 0; i < 60 && status !== 'ready'; i++) {
        status = ((await (await app.request('/readyz')).json()) as { status: string }).status;
        if (status !== 'ready') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('ready');
    } finally {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
