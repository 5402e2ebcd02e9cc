import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CoreUsageSample, secondCoreFree } from './free-cores.js';

describe('secondCoreFree', () => {
  it('says a second thread has a core of its own only when the load leaves one', () => {
    expect(secondCoreFree(2, 0.2)).toBe(true);
    expect(secondCoreFree(2, 0.6)).toBe(false);
    expect(secondCoreFree(2, 13)).toBe(false);
    expect(secondCoreFree(8, 5)).toBe(true);
    expect(secondCoreFree(1, 0)).toBe(false);
  });
});

describe('CoreUsageSample', () => {
  it('waits for the window, then reads between none and every core busy', async () => {
    const sample = CoreUsageSample.start();
    const started = performance.now();
    const busy = await sample.othersBusyCores(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    if (busy === undefined) return; // a system without CPU counters
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(busy).toBeLessThanOrEqual(cpus().length);
  });

  it("does not count this process's own work as other work", async () => {
    // Other processes come and go: the reading with this thread spinning is compared with one
    // right after it without, three times at most.
    let fair = false;
    for (let attempt = 0; attempt < 3 && !fair; attempt++) {
      const sample = CoreUsageSample.start();
      const until = performance.now() + 200;
      while (performance.now() < until) Math.sqrt(Math.random());
      const spinning = await sample.othersBusyCores(0);
      if (spinning === undefined) return; // a system without CPU counters
      const idle = CoreUsageSample.start();
      await new Promise((r) => setTimeout(r, 200));
      const others = (await idle.othersBusyCores(0)) ?? 0;
      // Counted, the spin alone would read as one whole core.
      fair = spinning < others + 0.6;
    }
    expect(fair).toBe(true);
  });
});
