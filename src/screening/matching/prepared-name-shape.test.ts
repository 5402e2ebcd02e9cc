import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { inPreparedNameShape, type PreparedName, prepareName } from './prepared-name.js';

// V8's own view of the objects (what the scorer's property reads run on), asked through its natives
// syntax, which a function compiled after the flag is set may use.
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b) && %HasFastProperties(b)') as (
  a: PreparedName,
  b: PreparedName,
) => boolean;

/** Names with a quoted nickname, an alias written in, Han readings with a native form, joined initials. */
const names: Array<[string, string]> = [
  ["OSEGUERA CERVANTES, Nemesio 'El Mencho'", 'Person'],
  ['CARTEL DE JALISCO NUEVA GENERACION (a.k.a. CJNG)', 'Organization'],
  ['金正恩', 'Person'],
  ['JK Rowling', 'Person'],
];

describe('prepared name shape', () => {
  it('prepareName gives nicknames, readings and initials apart the hidden class of the name', () => {
    for (const [full, schema] of names) {
      const prepared = prepareName(full, schema);
      const others = [...prepared.nicknames, ...(prepared.initialsApart ? [prepared.initialsApart] : [])];
      expect(others.length, full).toBeGreaterThan(0);
      for (const other of others) {
        expect(sameHiddenClass(prepared, other), other.original).toBe(true);
        if (other.native) expect(sameHiddenClass(prepared, other.native)).toBe(true);
      }
      if (prepared.native) expect(sameHiddenClass(prepared, prepared.native)).toBe(true);
    }
  });

  it('a copy made by spreading a name has a class of its own: the reason for the shape', () => {
    const prepared = prepareName("OSEGUERA CERVANTES, Nemesio 'El Mencho'", 'Person');
    const spread: PreparedName = { ...prepared.nicknames[0]!, alternative: 'nickname' };
    expect(sameHiddenClass(prepared, spread)).toBe(false);
    const reshaped = inPreparedNameShape(spread);
    expect(sameHiddenClass(prepared, reshaped)).toBe(true);
    expect(reshaped).toEqual(spread);
  });

  it('rebuilds a name read from JSON in prepareName’s hidden class, token ids from the given function', () => {
    for (const [full, schema] of names) {
      const prepared = prepareName(full, schema);
      const raw = JSON.parse(JSON.stringify(prepared)) as PreparedName;
      const shaped = inPreparedNameShape(raw, (n) => new Int32Array(n.keyTokens.length).fill(7));
      expect(sameHiddenClass(prepared, shaped), full).toBe(true);
      expect(Object.keys(shaped)).toEqual(Object.keys(prepared));
      expect(shaped.nicknames.map((n) => n.original)).toEqual(prepared.nicknames.map((n) => n.original));
      expect([...shaped.tokenIds]).toEqual(prepared.keyTokens.map(() => 7));
      if (prepared.native) expect(sameHiddenClass(prepared, shaped.native!)).toBe(true);
    }
  });
});
