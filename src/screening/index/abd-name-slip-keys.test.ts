/**
 * The index offers a joined Abd- name ("abdmuthana") for the split words the scorer reads as it
 * across a slip ("Abdl Muthana", "Abd-a-Hakim"), so the indexed path finds what scoring every alias
 * would.
 */
import { describe, expect, it } from 'vitest';
import type { IndexableName } from './name-index.js';
import { NameIndexBuilder } from './name-index-builder.js';

const name = (...keyTokens: string[]): IndexableName => ({ keyTokens, phonetic: keyTokens.map(() => '') });

function buildIndex() {
  const builder = new NameIndexBuilder();
  builder.addAlias(0, name('abdmuthana'));
  builder.addAlias(1, name('abdrehman'));
  builder.addAlias(2, name('abdhakim', 'shuruf'));
  // A long alias holding both query words as they are written, so the slip key must count for both.
  builder.addAlias(3, name('abd', 'ur', 'rehman', 'abdul', 'rahman', 'abdur', 'rehmani'));
  for (let i = 0; i < 300; i++) builder.addAlias(4 + i, name(`abdname${i}`, i % 2 ? 'rehman' : 'hassan'));
  return builder.build();
}

const index = buildIndex();
const offered = (query: IndexableName) => [...index.candidates(query).aliases].map((a) => index.entityOf(a));

describe('Abd- names with a slip in the index', () => {
  it('offers the joined name for an Abd- form with a letter dropped', () => {
    expect(offered(name('abdl', 'muthana'))).toContain(0);
    expect(offered(name('abdl', 'rehman'))).toContain(1);
  });

  it('offers the joined name across the article with its L dropped', () => {
    expect(offered(name('abd', 'a', 'hakim', 'shuruf'))).toContain(2);
  });

  it('does not join words that are names of their own', () => {
    expect(offered(name('abu', 'muthana'))).not.toContain(0);
  });
});
