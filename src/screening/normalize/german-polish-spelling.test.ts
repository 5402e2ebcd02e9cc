import { describe, expect, it } from 'vitest';
import { englishSpelling } from './german-polish-spelling.js';

describe('englishSpelling', () => {
  it('rewrites German and Polish romanisations of Slavic names the English way', () => {
    expect(englishSpelling('chruschtschow')).toBe('khrushchov');
    expect(englishSpelling('iwanow')).toBe('ivanov');
    expect(englishSpelling('sergej')).toBe('sergey');
    expect(englishSpelling('kaczmarczyk')).toBe('kachmarchyk');
  });
  it('rewrites DZH, DSCH, DJ and the French OU, TCH, GUE the English way', () => {
    expect(englishSpelling('dzhokhar')).toBe('jokhar');
    expect(englishSpelling('dschochar')).toBe('jochar');
    expect(englishSpelling('djokhar')).toBe('jokhar');
    expect(englishSpelling('doudaev')).toBe('dudaev');
    expect(englishSpelling('timtchenko')).toBe('timchenko');
    expect(englishSpelling('guennadi')).toBe('gennadi');
  });
  it('reads the TJ of old Indonesian spelling as CH', () => {
    expect(englishSpelling('tjandra')).toBe('chandra');
    expect(englishSpelling('tjokroaminoto')).toBe('chokroaminoto');
  });
  it('leaves other tokens as they are', () => {
    expect(englishSpelling('garcia')).toBe('garcia');
    expect(englishSpelling('jose')).toBe('jose');
  });
});
