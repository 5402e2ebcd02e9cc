import { describe, expect, it } from 'vitest';
import { englishSpelling } from './german-polish-spelling.js';

describe('englishSpelling', () => {
  it('rewrites German and Polish romanisations of Slavic names the English way', () => {
    expect(englishSpelling('chruschtschow')).toBe('khrushchov');
    expect(englishSpelling('iwanow')).toBe('ivanov');
    expect(englishSpelling('sergej')).toBe('sergey');
    expect(englishSpelling('kaczmarczyk')).toBe('kachmarchyk');
  });
  it('leaves other tokens as they are', () => {
    expect(englishSpelling('garcia')).toBe('garcia');
    expect(englishSpelling('jose')).toBe('jose');
  });
});
