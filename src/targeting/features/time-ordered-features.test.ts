import { describe, expect, it } from 'vitest';
import { declaration } from '../testing/declaration-fixtures.js';
import { defaultFeatureOptions, featureNames } from './declaration-features.js';
import { DeclarationHistory } from './declaration-history.js';
import { timeOrderedFeatures } from './time-ordered-features.js';

const col = (name: string) => featureNames.indexOf(name);
const at = (values: Float64Array, row: number, name: string) =>
  values[row * featureNames.length + col(name)]!;

describe('time-ordered encodings', () => {
  // Importer X commits fraud only in the future (day 3); days 1–2 are clean.
  const rows = [
    declaration({ id: 'a', date: '2020-01-01', importer: 'X', fraud: 0 }),
    declaration({ id: 'b', date: '2020-01-02', importer: 'X', fraud: 0 }),
    declaration({ id: 'c', date: '2020-01-02', importer: 'X', fraud: 1 }),
    declaration({ id: 'd', date: '2020-01-03', importer: 'X', fraud: 1 }),
  ];

  it('never lets a row see its own, a same-day or a later label', () => {
    const { matrix } = timeOrderedFeatures(rows, defaultFeatureOptions);
    // Row b (day 2) must look exactly like it would if the day-2 and day-3 labels were all 0.
    const flipped = rows.map((d) =>
      d.day >= rows[1]!.day ? { ...d, labels: { fraud: 0 as const, critical: 0 as const } } : d,
    );
    const { matrix: clean } = timeOrderedFeatures(flipped, defaultFeatureOptions);
    for (const r of [0, 1, 2]) {
      const a = matrix.values.subarray(r * featureNames.length, (r + 1) * featureNames.length);
      const b = clean.values.subarray(r * featureNames.length, (r + 1) * featureNames.length);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
    // ...while row d (day 3) does see the fraud of row c (day 2).
    expect(at(matrix.values, 3, 'importer.fraudRate')).toBeGreaterThan(
      at(clean.values, 3, 'importer.fraudRate'),
    );
  });

  it('counts only earlier days: first sight is unseen, same-day rows do not count each other', () => {
    const { matrix } = timeOrderedFeatures(rows, defaultFeatureOptions);
    expect(at(matrix.values, 0, 'importer.seen')).toBe(0);
    expect(Number.isNaN(at(matrix.values, 0, 'importer.daysSince'))).toBe(true);
    expect(at(matrix.values, 1, 'importer.seen')).toBeCloseTo(Math.log1p(1));
    expect(at(matrix.values, 2, 'importer.seen')).toBeCloseTo(Math.log1p(1));
    expect(at(matrix.values, 3, 'importer.seen')).toBeCloseTo(Math.log1p(3));
    expect(at(matrix.values, 3, 'importer.daysSince')).toBe(1);
  });

  it('is independent of the input order of the rows', () => {
    const a = timeOrderedFeatures(rows, defaultFeatureOptions).matrix.values;
    const reversed = [...rows].reverse();
    const b = timeOrderedFeatures(reversed, defaultFeatureOptions).matrix.values;
    const w = featureNames.length;
    for (let r = 0; r < rows.length; r++)
      expect(Array.from(a.subarray(r * w, (r + 1) * w))).toEqual(
        Array.from(b.subarray((rows.length - 1 - r) * w, (rows.length - r) * w)),
      );
  });

  it('smooths the fraud rate towards the prior and marks a blank seller as missing', () => {
    const { matrix } = timeOrderedFeatures(
      [
        declaration({ id: 'p', fraud: 1 }),
        declaration({ id: 'q', date: '2020-01-02', seller: '', fraud: 0 }),
      ],
      { ...defaultFeatureOptions, smoothing: 4 },
    );
    // Prior after day 1 is 1/1; importer seen once with one fraud → (1 + 4·1)/(1 + 4) = 1
    expect(at(matrix.values, 1, 'importer.fraudRate')).toBeCloseTo(1);
    expect(Number.isNaN(at(matrix.values, 1, 'seller.seen'))).toBe(true);
  });

  it('round-trips the history through JSON', () => {
    const { history } = timeOrderedFeatures(rows, defaultFeatureOptions);
    const back = DeclarationHistory.fromJSON(JSON.parse(JSON.stringify(history.toJSON())));
    const probe = declaration({ id: 'z', date: '2020-02-01', importer: 'X' });
    expect(back.lookup(0, probe)).toEqual(history.lookup(0, probe));
    expect(back.priceNorm('440890')).toEqual(history.priceNorm('440890'));
    expect(() => back.add(probe)).toThrow();
  });
});

describe('history lookups', () => {
  it('lookupAll agrees with key-by-key lookups', () => {
    const { history } = timeOrderedFeatures(
      [
        declaration({ id: 'a', fraud: 1 }),
        declaration({ id: 'b', date: '2020-01-02', seller: '', hs6: '851712', fraud: 0 }),
      ],
      defaultFeatureOptions,
    );
    for (const d of [declaration({ date: '2020-02-01' }), declaration({ seller: '', importer: 'NEW' })]) {
      const all: unknown[] = [];
      history.lookupAll(d, all as never[]);
      all.forEach((rec, k) => {
        expect(rec).toEqual(history.lookup(k, d));
      });
    }
  });
});
