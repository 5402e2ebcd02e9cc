import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys and array items, and drops empty values', () => {
    expect(canonicalJson({ b: ['y', 'x'], a: 1, c: [], d: {}, e: undefined })).toBe('{"a":1,"b":["x","y"]}');
    expect(canonicalJson([{ k: 'b' }, { k: 'a', z: [] }])).toBe('[{"k":"a"},{"k":"b"}]');
  });

  it('is valid JSON for what it keeps', () => {
    const text = canonicalJson({ name: 'CARTEL "DEL" NORESTE', n: [3, 1, 2], nested: { t: true, f: null } });
    expect(JSON.parse(text)).toEqual({
      n: [1, 2, 3],
      name: 'CARTEL "DEL" NORESTE',
      nested: { f: null, t: true },
    });
  });

  it('gives null for a wholly empty value', () => {
    expect(canonicalJson({})).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
