import { describe, expect, it } from 'vitest';
import { splitAliasMarkers } from './alias-markers.js';

describe('splitAliasMarkers', () => {
  it('splits a name at a.k.a., f.k.a. and "formerly"', () => {
    expect(splitAliasMarkers('Andes Holdings, a.k.a. Cumbre Holdings', 'organization')).toEqual({
      name: 'Andes Holdings',
      aliases: ['Cumbre Holdings'],
    });
    expect(splitAliasMarkers('Andes Ltd (formerly Cumbre Ltd)', 'organization')).toEqual({
      name: 'Andes Ltd',
      aliases: ['Cumbre Ltd'],
    });
    expect(splitAliasMarkers('Pedro Ortiz aka Pedrito fka Pedro Ortega', 'person')).toEqual({
      name: 'Pedro Ortiz',
      aliases: ['Pedrito', 'Pedro Ortega'],
    });
  });
  it('reads "ex" as a former name of a vessel or company, not of a person', () => {
    expect(splitAliasMarkers('M/T ORION (ex-POLARIS)', 'organization')).toEqual({
      name: 'M/T ORION',
      aliases: ['POLARIS'],
    });
    expect(splitAliasMarkers('Maria Ex Lopez', 'person')).toEqual({ name: 'Maria Ex Lopez', aliases: [] });
  });
  it('leaves names without markers, and a marker word that starts the name, alone', () => {
    expect(splitAliasMarkers('Texaco Exploration', 'organization').aliases).toEqual([]);
    expect(splitAliasMarkers('Ex Libris Books', 'organization')).toEqual({
      name: 'Ex Libris Books',
      aliases: [],
    });
  });
});
