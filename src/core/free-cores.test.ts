import { describe, expect, it } from 'vitest';
import { secondCoreFree } from './free-cores.js';

describe('secondCoreFree', () => {
  it('says a second thread has a core of its own only when the load leaves one', () => {
    expect(secondCoreFree(2, 0.2)).toBe(true);
    expect(secondCoreFree(2, 0.6)).toBe(false);
    expect(secondCoreFree(2, 13)).toBe(false);
    expect(secondCoreFree(8, 5)).toBe(true);
    expect(secondCoreFree(1, 0)).toBe(false);
  });
});
