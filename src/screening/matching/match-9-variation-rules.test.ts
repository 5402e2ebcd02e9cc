/**
 * sentinela-match-9 variation rules, each checked against what it must leave apart: initials
 * written together as one word, hundreds and thousands and French, German and Italian number
 * words, words joined across a particle, and the added given-name forms.
 */
import { describe, expect, it } from 'vitest';
import { isJoinedInitials, numberWordsToDigits, splitJoinedInitials } from '../normalize/index.js';
import { compareNames, DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string, schema: string) =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));
const details = (a: string, b: string, schema: string) =>
  compareNames(prepareName(a, schema), prepareName(b, schema)).features.map((f) => f.detail);
const read = (words: string) => numberWordsToDigits(words.split(' ')).join(' ');

describe('sentinela-match-9: initials written together', () => {
  it('reads a short vowel-less word of a personal name as initials, not Md, Wm or Ng', () => {
    expect(splitJoinedInitials(['jk', 'rowling'])).toEqual(['j', 'k', 'rowling']);
    expect(splitJoinedInitials(['george', 'hw', 'bush'])).toEqual(['george', 'h', 'w', 'bush']);
    expect(splitJoinedInitials(['jk'])).toBeUndefined();
    for (const word of ['md', 'wm', 'ng', 'ali', 'ed', 'ly'])
      expect(isJoinedInitials(word), word).toBe(false);
  });

  it('matches them against the given names in full, and explains it', () => {
    expect(score('JK Rowling', 'Joanne Kathleen Rowling', 'Person')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(score('Putin VV', 'Vladimir Vladimirovich Putin', 'Person')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(details('JK Rowling', 'Joanne Kathleen Rowling', 'Person')[0]).toContain(
      'compared as initials written apart',
    );
    expect(score('JK Rowling', 'Peter Rowling', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Ng Kok Song', 'Nguyen Kok Song', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('reads no initials in a name romanised from Arabic script, whose words come without vowels', () => {
    expect(prepareName('طه محي الدين معروف', 'Person').initialsApart).toBeUndefined();
    expect(score('MARUF, Tiha, Muhyi al-Din', 'طه محي الدين معروف', 'Person')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
  });

  it('opens no index key of its own: the initials stay out of the nicknames', () => {
    const name = prepareName('JK Rowling', 'Person');
    expect(name.nicknames).toEqual([]);
    expect(name.initialsApart?.keyTokens).toEqual(['j', 'k', 'rowling']);
  });
});

describe('sentinela-match-9: numbers', () => {
  it('reads hundreds and thousands in English words', () => {
    expect(read('brigade three hundred and thirteen')).toBe('brigade 313');
    expect(read('hundred percent')).toBe('100 percent');
    expect(read('two thousand twenty')).toBe('2020');
    expect(read('one hundred and')).toBe('100 and');
    expect(read('forty four')).toBe('44');
  });

  it('reads French, German and Italian units, and leaves words that are names elsewhere', () => {
    expect(read('les trois freres')).toBe('les 3 freres');
    expect(read('drei koenige')).toBe('3 koenige');
    expect(read('quattro stagioni')).toBe('4 stagioni');
    expect(read('otto elf un due tre')).toBe('otto elf un due tre');
    expect(score('Drei Koenige GmbH', 'Vier Koenige GmbH', 'Organization')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('reads a word that names a property of every object (constructor, toString) as a word', () => {
    expect(numberWordsToDigits(['constructor', 'tostring', 'hasownproperty'])).toEqual([
      'constructor',
      'tostring',
      'hasownproperty',
    ]);
    expect(score('CONSTRUCTOR ROFI S A', 'CONSTRUCTORA ROFI S A', 'Organization')).toBeGreaterThan(0.9);
  });
});

describe('sentinela-match-9: words joined across a particle', () => {
  it('compares a name joined with its particle against the name with the particle apart', () => {
    expect(score('Nurulhaq', 'Nur ul Haq', 'Person')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Saif al-Islam Gaddafi', 'Saifalislam Gaddafi', 'Person')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(details('Nurulhaq', 'Nur ul Haq', 'Person')).toContain(
      'words joined or split differently: NURULHAQ ↔ NURULHAQ',
    );
    expect(score('Nur ul Haq', 'Nurulhasan', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('sentinela-match-9: given names', () => {
  it('knows more short forms, and keeps other given names apart', () => {
    expect(score('Theodore Roosevelt', 'Teddy Roosevelt', 'Person')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(score('Salvatore Riina', 'Toto Riina', 'Person')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Vasily Ivanov', 'Valery Ivanov', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
