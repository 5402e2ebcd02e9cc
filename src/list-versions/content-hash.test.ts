import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema } from '../core/index.js';
import { compareIds, contentHash } from './content-hash.js';

function org(id: string, name: string, programs: string[] = []): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    programs,
  });
}

describe('contentHash', () => {
  it('does not depend on the order of entities or of values in a field', () => {
    const a = [org('1', 'A', ['SDNTK', 'FTO']), org('2', 'B')];
    const b = [org('2', 'B'), org('1', 'A', ['FTO', 'SDNTK'])];
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes when any fact changes', () => {
    const base = contentHash([org('1', 'A', ['SDNTK'])]);
    expect(contentHash([org('1', 'A', ['SDNTK', 'FTO'])])).not.toBe(base);
    expect(contentHash([org('1', 'A.', ['SDNTK'])])).not.toBe(base);
    expect(contentHash([org('2', 'A', ['SDNTK'])])).not.toBe(base);
    expect(contentHash([org('1', 'A', ['SDNTK']), org('3', 'C')])).not.toBe(base);
    expect(contentHash([])).not.toBe(base);
  });

  it('treats a missing optional field like an empty one', () => {
    const withEmpty = org('1', 'A');
    const { attributes: _dropped, ...withoutAttributes } = withEmpty;
    expect(contentHash([withoutAttributes as Entity])).toBe(contentHash([withEmpty]));
  });
});

describe('compareIds', () => {
  it('orders numbers by value, before text ids', () => {
    expect(['10', '9', 'QDi.2', '100', 'QDi.10'].sort(compareIds)).toEqual([
      '9',
      '10',
      '100',
      'QDi.10',
      'QDi.2',
    ]);
  });
});
