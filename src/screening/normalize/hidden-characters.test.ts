import { describe, expect, it } from 'vitest';
import { removeHiddenCharacters } from './hidden-characters.js';
import { parseName } from './name-parser.js';

describe('hidden characters in names', () => {
  it('removes bidi overrides and control characters and says which', () => {
    const cleaned = removeHiddenCharacters('SINA\u202eLOA\u0007 CARTEL');
    expect(cleaned.text).toBe('SINALOA CARTEL');
    expect(cleaned.removed).toEqual(['U+202E right-to-left override', 'U+0007 control character']);
  });

  it('joins a word split by a zero-width space back together', () => {
    const p = parseName('GUZ\u200bMAN LOERA, Joaquin', 'person');
    expect(p.keyTokens).toEqual(['joaquin', 'guzman', 'loera']);
    expect(p.hiddenCharacters).toEqual(['U+200B zero-width space']);
  });

  it('turns tabs and line breaks into spaces without reporting them', () => {
    expect(removeHiddenCharacters('A\tB\r\nC')).toEqual({ text: 'A B  C', removed: [] });
  });
});
