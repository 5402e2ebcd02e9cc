import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema } from '../core/index.js';
import { applyPartialUpdate } from './partial-update.js';

function org(id: string, name: string, programs: string[] = []): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    programs,
  });
}

describe('applyPartialUpdate', () => {
  it('replaces entities by id, adds new ones and never removes', () => {
    const base = [
      org('10386', 'GULF CARTEL', ['SDNTK']),
      org('36', 'AEROCARIBBEAN AIRLINES'),
      org('8237', 'JUAREZ CARTEL'),
    ];
    const update = [org('10386', 'GULF CARTEL', ['SDNTK', 'FTO']), org('60001', 'NEW CO')];
    const result = applyPartialUpdate(base, update);
    expect(result.added).toBe(1);
    expect(result.replaced).toBe(1);
    expect(result.entities.map((e) => e.id)).toEqual(['36', '8237', '10386', '60001']);
    expect(result.entities.find((e) => e.id === '10386')?.programs).toEqual(['SDNTK', 'FTO']);
  });

  it('leaves the base untouched', () => {
    const base = [org('1', 'A')];
    applyPartialUpdate(base, [org('1', 'B')]);
    expect(base[0]?.names[0]?.full).toBe('A');
  });

  it('an empty update gives the base back', () => {
    const base = [org('2', 'B'), org('1', 'A')];
    const result = applyPartialUpdate(base, []);
    expect(result).toMatchObject({ added: 0, replaced: 0 });
    expect(result.entities.map((e) => e.id)).toEqual(['1', '2']);
  });
});
