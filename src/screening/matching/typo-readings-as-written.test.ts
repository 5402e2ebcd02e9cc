/**
 * sentinela-match-6 rules: a typo reading never loses what the spelling had, Abd- names mistyped
 * in their first letters still join, and a code written as a name (a tail number) is one code
 * through a slip. Each rule is checked on both sides of its limit.
 */
import { describe, expect, it } from 'vitest';
import { compareNames, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string, schema = 'Organization') =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));
const details = (a: string, b: string, schema = 'Organization') =>
  compareNames(prepareName(a, schema), prepareName(b, schema)).features.map((f) => f.detail);

describe('sentinela-match-6: typo readings compared as written too', () => {
  it('keeps a list word as written when it is another word two replaced letters away', () => {
    expect(score('CASTLE SECURITY AND PROTETCION', 'CASTLE SECURITY AND PROTECTION')).toBeGreaterThan(0.9);
    expect(score('SAHEL CONSULTNAT ENGINEERS', 'SAHEL CONSULTANT ENGINEERS')).toBeGreaterThan(0.9);
    // PROTECTION is not read as PRODUCTION: the two are compared by their spelling.
    expect(prepareName('CASTLE SECURITY AND PROTECTION', 'Organization').keyTokens).toContain('protection');
  });

  it('compares the written word of a reading with the other name and says so', () => {
    // The list's SANATI is read as the common word SANAYI; the query's SAANTI is SANATI mistyped.
    expect(score('SHERKATE SAANTI DARYAI IRAN', 'SHERKATE SANATI DARYAI IRAN')).toBeGreaterThan(0.9);
    expect(details('SHERKATE SAANTI DARYAI IRAN', 'SHERKATE SANATI DARYAI IRAN').join('\n')).toMatch(
      /SAANTI ↔ SANATI: compared as written/,
    );
    expect(score('RONIN CONSULTANY', 'RONIN CONSULTANCY')).toBeGreaterThan(0.9);
  });
});

describe('sentinela-match-6: Abd- names mistyped in their first letters', () => {
  it('joins a doubled, swapped, replaced or dropped first letter like the Abd- name', () => {
    for (const [typo, name] of [
      ['MAJEED, Abddul', 'MAJEED, Abdul'],
      ['DARDAKIL, Adbelmalek', 'DARDAKIL, Abdelmalek'],
      ['ABUDLLAHI, Mustafa', 'ABDULLAHI, Mustafa'],
      ['BASEER, Obdul', 'BASEER, Abdul'],
      ['FIROUZABADI, Abdoolhassan', 'FIROUZABADI, Abdolhassan'],
      ['YAMIN, bdur Rehman', 'YAMIN, Abdur Rehman'],
      ['Adallah al-Jazairi', 'Abdallah al-Jazairi'],
      ['Amir Abdulah Sahib', 'Amir Abdullah Sahib'],
    ])
      expect(score(typo!, name!, 'Person'), typo).toBeGreaterThan(0.9);
    expect(details('BASEER, Obdul', 'BASEER, Abdul', 'Person')).toContain(
      'OBDUL read as the name element ABDUL (query)',
    );
  });

  it('leaves names of their own that are one letter from an Abd- form', () => {
    for (const name of ['Badreddine', 'Adel', 'Abul', 'Abed', 'Adelaide'])
      expect(prepareName(`${name} Hassan`, 'Person').keyTokens[0]).toBe(name.toLowerCase());
  });
});

describe('sentinela-match-6: codes written as names', () => {
  it('takes a letter dropped or swapped anywhere in a tail number or short code as a slip', () => {
    expect(score('A-65986', 'RA-65986', 'Aircraft')).toBeGreaterThanOrEqual(0.85);
    expect(score('E-MMC', 'EP-MMC', 'Aircraft')).toBeGreaterThanOrEqual(0.85);
    expect(score('S-13', 'MS-13')).toBeGreaterThanOrEqual(0.85);
    expect(details('A-65986', 'RA-65986', 'Aircraft').join('\n')).toMatch(/code A65986 ↔ RA65986/);
  });

  it('keeps a replaced letter, a letter added at the end and word names apart', () => {
    expect(score('EP-MMC', 'EP-MMJ', 'Aircraft')).toBeLessThan(0.7);
    expect(score('EP-MH', 'EP-MHL', 'Aircraft')).toBeLessThan(0.85);
    expect(score('RA-65986', 'RA-65987', 'Aircraft')).toBeLessThan(0.7);
    expect(score('JSC NZ', 'JSC NPZ')).toBeLessThan(0.7);
  });
});
