/**
 * Property-based tests of every list reader and the input decoder: any bytes — a sample file with
 * bytes changed, inserted or deleted, markup spliced in, cut short, or plain random bytes — give
 * entities or an InputError naming the file; never another exception, and never a hang (each case
 * has a time limit). `npm run bench:fuzz` runs the same cases by the thousand.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCase, fuzzScratch, fuzzTargets, runFuzzCase } from '../../bench/fuzz/fuzz-targets.js';

const root = fuzzScratch();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readers on any bytes (fast-check)', () => {
  for (const target of fuzzTargets()) {
    it(`${target.name}: entities or an InputError naming the file`, async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCase(target), async (c) => {
          // Reading is synchronous inside: a hang cannot be interrupted, so it is measured instead.
          const started = performance.now();
          await runFuzzCase(target, c, root);
          expect(performance.now() - started).toBeLessThan(5000);
        }),
        { numRuns: 150, seed: 20261201, timeout: 5000, endOnFailure: true },
      );
    }, 120_000);
  }
});
