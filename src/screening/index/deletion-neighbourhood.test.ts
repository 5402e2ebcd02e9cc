import { describe, expect, it } from 'vitest';
import { fuzzyKeys, maxSwappedTokenFrequency, neighbourSwaps } from './deletion-neighbourhood.js';
import { NameIndexBuilder } from './name-index-builder.js';

describe('fuzzy keys of a list word', () => {
  it('files words of four letters or more under their single deletions', () => {
    expect(fuzzyKeys('korvel', 3)).toEqual(['orvel', 'krvel', 'kovel', 'korel', 'korvl', 'korve']);
  });

  it('files a rare three-letter word under its neighbour swaps, a common one and shorter words under none', () => {
    expect(neighbourSwaps('qzt')).toEqual(['zqt', 'qtz']);
    expect(neighbourSwaps('qqz')).toEqual(['qzq']);
    expect(fuzzyKeys('qzt', 1)).toEqual(['zqt', 'qtz']);
    expect(fuzzyKeys('qzt', maxSwappedTokenFrequency + 1)).toEqual([]);
    expect(fuzzyKeys('qz', 1)).toEqual([]);
  });
});

describe('a three-letter code with two letters swapped', () => {
  it('finds the listed code ("QTZ TRADING" for "QZT TRADING", "XR-MVK" for "XR-MKV")', () => {
    const builder = new NameIndexBuilder();
    const names = [
      ['qzt', 'trading'],
      ['xr', 'mkv'],
      ['qtr', 'trading'],
      ['xr', 'mvb'],
    ];
    names.forEach((keyTokens, entity) => {
      builder.addAlias(entity, { keyTokens, phonetic: keyTokens.map(() => '') });
    });
    const index = builder.build();
    const entities = (keyTokens: string[]) =>
      [...index.candidates({ keyTokens, phonetic: keyTokens.map(() => '') }).aliases].map((a) =>
        index.entityOf(a),
      );
    expect(entities(['qtz', 'trading'])).toContain(0);
    expect(entities(['xr', 'mvk'])).toContain(1);
    // A replaced letter is another code: no key brings it.
    expect(entities(['xr', 'mkb'])).not.toContain(1);
  });
});
