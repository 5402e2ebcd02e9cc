import { describe, expect, it } from 'vitest';
import { warmUpWhileIdle } from './batch-screening-warm-up.js';
import { createScreener } from './screener.js';
import { testEntities, unlistedNames } from './screener-test-entities.js';

const lists = [{ list: 'test-list', version: '1', entities: testEntities }];
const queries = ['Joaquin Guzman', 'Ismael Zambada', 'CJNG', 'El Mencho', ...unlistedNames].map(
  (name, i) => ({
    id: `q${i}`,
    name,
  }),
);

describe('warmUpWhileIdle', () => {
  it('screens list names up to its limit when nothing else comes', async () => {
    const screener = createScreener(lists);
    expect(await warmUpWhileIdle(screener, () => false, 5)).toBe(Math.min(5, screener.aliasCount));
  });

  it('stops at the first slice after real work arrives', async () => {
    const screener = createScreener(lists);
    let busy = false;
    setImmediate(() => {
      busy = true;
    });
    const screened = await warmUpWhileIdle(screener, () => busy, 10_000);
    expect(screened).toBeLessThan(Math.min(10_000, screener.aliasCount));
  });

  it('leaves the results of the screener unchanged', async () => {
    const cold = createScreener(lists);
    const warm = createScreener(lists);
    await warmUpWhileIdle(warm, () => false);
    for (const q of queries) expect(warm.screen(q)).toEqual(cold.screen(q));
  });
});
