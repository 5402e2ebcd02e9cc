import { describe, expect, it } from 'vitest';
import { NameIndexBuilder } from './name-index-builder.js';

describe('fuzzy vocabulary: a word one letter shorter than a listed word', () => {
  it('finds the listed word even when many words share the shorter deletions', () => {
    const builder = new NameIndexBuilder();
    // Many four-letter words whose deletions crowd the three-letter variants of "daar".
    const crowd = [
      'dara',
      'dari',
      'daro',
      'adar',
      'dear',
      'dars',
      'darb',
      'dard',
      'darn',
      'dart',
      'dark',
      'darl',
      'darm',
      'dary',
    ];
    const more = [
      'aara',
      'aari',
      'baar',
      'caar',
      'faar',
      'gaar',
      'haar',
      'jaar',
      'kaar',
      'laar',
      'maar',
      'naar',
    ];
    let entity = 0;
    for (const word of [...crowd, ...more, ...crowd.map((w) => `${w}s`)])
      builder.addAlias(entity++, { keyTokens: [word], phonetic: [''] });
    const davar = entity;
    builder.addAlias(davar, { keyTokens: ['davar'], phonetic: [''] });
    const index = builder.build();
    const found = index.candidates({ keyTokens: ['daar'], phonetic: [''] });
    expect([...found.aliases].map((a) => index.entityOf(a))).toContain(davar);
  });
});
