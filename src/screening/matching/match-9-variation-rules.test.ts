/**
 * sentinela-match-9 variation rules, each checked against what it must leave apart: initials
 * written together as one word, hundreds and thousands and French, German and Italian number
 * words, words joined across a particle, and the added given-name forms.
 */
import { describe, expect, it } from 'vitest';
import {
  englishSpelling,
  isJoinedInitials,
  numberWordsToDigits,
  soundSpelling,
  splitJoinedInitials,
} from '../normalize/index.js';
import { compareNames, DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';
import { personalQueryOverOneWord } from './name-scoring-rules.js';

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

describe('sentinela-match-9: KH written X', () => {
  it('reads the X of Uzbek and Azerbaijani Latin as KH, and keeps the KS of Maxim and Alexei', () => {
    expect(englishSpelling('axmat')).toBe('akhmat');
    expect(englishSpelling('xolmatov')).toBe('kholmatov');
    expect(englishSpelling('maxim')).toBe('maxim');
    expect(score('Kadyrov Akhmat', 'Qadirov Axmat', 'Person')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Maxim Petrov', 'Makhim Petrov', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('sentinela-match-9: several sound-keeping replacements in one word', () => {
  it('spells words by their sound to tell how far apart they are, as alike as one name part', () => {
    expect(soundSpelling('ghasem')).toBe('kasem');
    expect(soundSpelling('qassim')).toBe('kasim');
    expect(soundSpelling('khrushchev')).toBe('krushchev');
    expect(score('Ghasem Soleimani', 'Qassim Sulaymani', 'Person')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Radar Systems', 'Router Systems', 'Organization')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Ginta Lopez', 'Janett Lopez', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('sentinela-match-9: the French OU of an Abd- name', () => {
  it('reads Abdoullah and Abdourahmane as Abdullah and Abdurrahman, and keeps the name after Abd- apart', () => {
    expect(prepareName('Abdoullah', 'Person').keyTokens).toEqual(prepareName('Abdullah', 'Person').keyTokens);
    expect(score('Abdourahmane Diallo', 'Abdurrahman Diallo', 'Person')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(score('Abdoulkarim Ali', 'Abdulaziz Ali', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Abdou Diouf', 'DIOUF Abdou', 'Person')).toBe(1);
  });
});

describe('sentinela-match-9: a one-word name inside a longer personal query', () => {
  const unqualified = (query: string, name: string, schema: string) =>
    scoreNames(prepareName(query), prepareName(name, schema));

  it('counts the rest of a personal query fully against a one-word vessel or company name', () => {
    expect(unqualified('Maria Lopez', 'MARIA', 'Vessel')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(unqualified('Maria Lopez', 'MARIA E', 'Vessel')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(
      scoreNames(prepareName('Ahmed Hassan', 'Person'), prepareName('HASSAN', 'Organization')),
    ).toBeLessThan(DEFAULT_THRESHOLD);
    expect(
      compareNames(prepareName('Maria Lopez'), prepareName('MARIA', 'Vessel')).features.map((f) => f.detail),
    ).toContain('word LOPEZ only in the query (costs fully: the rest of a personal name)');
  });

  it('still finds a vessel named after a person by its full name, and a one-word name by itself', () => {
    expect(unqualified('Maria Lopez', 'MARIA LOPEZ', 'Vessel')).toBe(1);
    expect(unqualified('Maria', 'MARIA', 'Vessel')).toBe(1);
    expect(unqualified('Maria Lopes', 'MARIA LOPEZ', 'Vessel')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('reads a query as personal by its schema or, with none, by a known given name and no legal form', () => {
    const vessel = prepareName('ROSNEFT', 'Vessel');
    expect(personalQueryOverOneWord(prepareName('Maria Lopez'), vessel)).toBe(true);
    expect(personalQueryOverOneWord(prepareName('Lopez Garcia', 'Person'), vessel)).toBe(true);
    expect(personalQueryOverOneWord(prepareName('Rosneft Trading'), vessel)).toBe(false);
    expect(personalQueryOverOneWord(prepareName('Maria Shipping Ltd'), vessel)).toBe(false);
    expect(personalQueryOverOneWord(prepareName('Maria Lopez'), prepareName('MARIA LOPEZ', 'Vessel'))).toBe(
      false,
    );
  });
});
