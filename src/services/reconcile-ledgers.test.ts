import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadControlledItems } from './reconcile-controlled-items.js';
import { reconcileLedgerFiles } from './reconcile-ledgers.js';

const root = join(import.meta.dirname, '../..');
const sample = join(root, 'data/sample');

describe('reconcileLedgerFiles', () => {
  it('reads the export ledger in a worker thread with the same result as in this thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-reconcile-service-'));
    // The sample ledgers with two bad rows, so rejects cross the thread too.
    const exportsPath = join(dir, 'exports.csv');
    writeFileSync(
      exportsPath,
      `${readFileSync(join(sample, 'sample-exports.csv'), 'utf8').trimEnd()}\n` +
        'BAD-1,2025-02-30,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,FOB\nBAD-2,2025-03-01,Acme\n',
    );
    const controlledItems = await loadControlledItems({
      goodsCatalog: join(root, 'data/goods/catalog.json'),
      eccnList: join(root, 'data/reconcile/controlled-items.json'),
    });
    const run = (parallelRead: boolean) =>
      reconcileLedgerFiles({
        exportsPath,
        importsPath: join(sample, 'sample-imports.csv'),
        controlledItems,
        parallelRead,
      });
    const here = await run(false);
    const worker = await run(true);
    expect(worker.exports).toEqual(here.exports);
    expect(worker.imports).toEqual(here.imports);
    expect(worker.rejected).toEqual(here.rejected);
    expect(worker.rejected.map((r) => [r.line, r.field])).toEqual([
      [here.exports.read, 'date'],
      [here.exports.read + 1, 'row'],
    ]);
    expect(worker.sources).toEqual(here.sources);
    expect(worker.result.gaps).toEqual(here.result.gaps);
    expect(here.result.gaps.length).toBeGreaterThan(0);
  });
});
