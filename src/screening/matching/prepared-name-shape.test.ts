import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { type PreparedName, prepareName } from './matching/index.js';
import { inPreparedNameShape, withNicknamesInShape } from './prepared-name-shape.js';

// V8's own view of the objects (what the scorer's property reads run on), asked through its natives
// syntax, which a function compiled after the flag is set may use.
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b) && %HasFastProperties(b)') as (
  a: PreparedName,
  b: PreparedName,
) => boolean;

/** Names with a quoted nickname, an alias written in, and Han readings with a native form. */
const names: Array<[string, string]> = [
  ["OSEGUERA CERVANTES, Nemesio 'El Mencho'", 'Person'],
  ['CARTEL DE JALISCO NUEVA GENERACION (a.k.a. CJNG)', 'Organization'],
  ['金正恩', 'Person'],
];

describe('prepared name shape', () => {
  it('gives nicknames and readings the hidden class of the name, with the same properties and values', () => {
    for (const [full, schema] of names) {
      const prepared = prepareName(full, schema);
      const copies = prepared.nicknames;
      expect(copies.length, full).toBeGreaterThan(0);
      const shaped = withNicknamesInShape(prepareName(full, schema));
      expect(shaped, full).toEqual(prepared);
      for (const nickname of shaped.nicknames) {
        expect(sameHiddenClass(shaped, nickname), nickname.original).toBe(true);
        if (nickname.native) expect(sameHiddenClass(shaped, nickname.native)).toBe(true);
      }
      // Copies made by spreading another name have a class of their own: the reason for this.
      expect(copies.some((c) => !sameHiddenClass(prepared, c))).toBe(true);
    }
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
