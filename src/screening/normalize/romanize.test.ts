import { describe, expect, it } from 'vitest';
import { romanize } from './romanize.js';
import { phoneticKey } from './phonetic-key.js';

describe('romanize', () => {
  it('folds accents, ñ and ligatures', () => {
    expect(romanize('Joaquín Peña Müller Straße').text).toBe('joaquin pena muller strasse');
  });
  it('romanises Cyrillic', () => {
    expect(romanize('Владимир Жуков').text).toBe('vladimir zhukov');
    expect(romanize('Владимир').transliterated).toBe(true);
  });
  it('romanises Arabic as consonants with long vowels and flags the abjad', () => {
    const r = romanize('محمود');
    expect(r.text).toBe('mhmud');
    expect(r.fromAbjad).toBe(true);
  });
  it('romanises common Chinese surname + given name characters', () => {
    expect(romanize('王伟').text.trim()).toBe('wang wei');
  });
  it('romanises Hangul algorithmically, with customary surnames', () => {
    expect(romanize('박지성').text.trim()).toBe('park ji song');
  });
  it('keeps letters of scripts without a table, so same-script names still compare', () => {
    expect(romanize('नरेन्द्र').text).not.toBe(' ');
  });
  it('maps typographic quotes and dashes to ASCII', () => {
    expect(romanize('‘El Mencho’ – Jalisco').text).toBe("'el mencho' - jalisco");
  });
});

describe('phoneticKey', () => {
  it('merges b/v, z/s, silent h and ll/y', () => {
    expect(phoneticKey('vasquez')).toBe(phoneticKey('basques'));
    expect(phoneticKey('hernandez')).toBe(phoneticKey('ernandes'));
    expect(phoneticKey('castillo')).toBe(phoneticKey('castiyo'));
  });
  it('reads CH before R or L as K, elsewhere as SH', () => {
    expect(phoneticKey('christopher')).toBe(phoneticKey('kristofer'));
    expect(phoneticKey('chloe')).toBe(phoneticKey('kloe'));
    expect(phoneticKey('chavez')).toBe(phoneticKey('shavez'));
    expect(phoneticKey('chavez')).not.toBe(phoneticKey('kavez'));
  });
  it('keeps a leading vowel marker', () => {
    expect(phoneticKey('omar')).toBe(phoneticKey('umar'));
    expect(phoneticKey('omar')).not.toBe(phoneticKey('mar'));
    // w as v in German/Polish romanisations; w inside a vowel; pinyin w as a glide.
    expect(phoneticKey('iwanow')).toBe(phoneticKey('iwanov'));
    expect(phoneticKey('wiktor')).toBe(phoneticKey('viktor'));
    expect(phoneticKey('shawkat')).toBe(phoneticKey('shaukat'));
    expect(phoneticKey('baowei')).not.toBe(phoneticKey('bao'));
  });
});

describe('romanize: Ethiopic, Armenian and Georgian', () => {
  it('spells names the way English writes them', () => {
    expect(romanize('ዐቢይ አሕመድ').text).toBe('abiy ahmed');
    expect(romanize('መለስ ዜናዊ').text).toBe('meles zenawi');
    expect(romanize('Նիկոլ Փաշինյան').text).toBe('nikol pashinyan');
    expect(romanize('Հարությունյան').text).toBe('harutyunyan');
    expect(romanize('მიხეილ სააკაშვილი').text).toBe('mikheil saakashvili');
  });
});
