import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONCILE_OPTIONS, matchRecords, PartyDirectory, readLedger } from './index.js';

const sample = join(import.meta.dirname, '../../data/sample');

async function sampleLedgers() {
  const read = (name: string, side: 'export' | 'import') =>
    readLedger([readFileSync(join(sample, name), 'utf8')], { side, file: name, format: 'csv' });
  return { ex: await read('sample-exports.csv', 'export'), im: await read('sample-imports.csv', 'import') };
}

describe('matching blocks on two threads', () => {
  it('gives the same groups, in the same order, as one thread', async () => {
    const { ex, im } = await sampleLedgers();
    const one = matchRecords(ex.table, im.table, new PartyDirectory(), {
      ...DEFAULT_RECONCILE_OPTIONS,
      parallel: false,
    });
    const two = matchRecords(ex.table, im.table, new PartyDirectory(), {
      ...DEFAULT_RECONCILE_OPTIONS,
      parallel: true,
    });
    expect(one.workerBlocks).toBe(0);
    // The worker is the built one (npm test builds first); it matched part of the blocks.
    expect(two.workerBlocks).toBeGreaterThan(0);
    expect(two.groups).toEqual(one.groups);
    expect(two.unmatchedExports).toEqual(one.unmatchedExports);
    expect(two.unmatchedImports).toEqual(one.unmatchedImports);
    expect(two.candidatePairs).toBe(one.candidatePairs);
    expect(one.groups.length).toBeGreaterThan(5);
  });
});
