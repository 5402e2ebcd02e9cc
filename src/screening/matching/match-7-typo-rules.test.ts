/**
 * sentinela-match-7 typo rules: a vowel for a vowel at the start of a long legal-form word, a
 * doubled letter in a word of a legal-form phrase, the first two letters of an Abd- name swapped or
 * its last letter doubled, an abbreviation reading compared as written, and a vowel for a vowel in
 * a two-letter word of a name other than a person's. Each rule is checked against what it must
 * leave apart.
 */
import { describe, expect, it } from 'vitest';
import { parseName, readThroughTypo } from '../normalize/index.js';
import { compareNames, prepareName, scoreNames } from './index.js';
import { shortSlip } from './letter-slips.js';

const score = (a: string, b: string, schema: string) =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));

describe('sentinela-match-7: legal forms mistyped', () => {
  it('reads a long legal-form word with another vowel first, inside its phrase', () => {
    expect(readThroughTypo('abshchestvo')).toMatchObject({ read: 'obshchestvo', kind: 'legal form' });
    for (const name of [
      'OBSHCHESTVO S EGRANICHENNOI OTVETSTVENNOSTYU RUSAVTOMATIKA',
      'ABSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU RUSAVTOMATIKA',
    ])
      expect(parseName(name, 'organization').keyTokens).toEqual(['rusavtomatika']);
  });

  it('never replaces a consonant first, nor the vowel of a short or non-legal-form word', () => {
    expect(readThroughTypo('rational')).toBeUndefined(); // not NATIONAL
    expect(readThroughTypo('ebshchestvo')?.read).toBe('obshchestvo');
    expect(readThroughTypo('ibank')).toBeUndefined();
  });

  it('reads a doubled letter in a word of a longer legal-form phrase, never in a lone word', () => {
    expect(parseName('OKAF TRADING SOCIETATEA CUU RASPUNDERE LIMITATA', 'organization').keyTokens).toEqual([
      'okaf',
      'trading',
    ]);
    expect(parseName('PATRACA, S.A. DEE C.V.', 'organization').keyTokens).toEqual(['patraca']);
    expect(parseName('DEE TRADING', 'organization').keyTokens).toEqual(['dee', 'trading']);
  });
});

describe('sentinela-match-7: Abd- names', () => {
  it('joins an Abd- name with its first two letters swapped or its last letter doubled', () => {
    expect(parseName('JEERI, Badullahi', 'person').keyTokens).toContain('abdlahi');
    expect(parseName('Abdull Hadi al-Taweel', 'person').keyTokens).toEqual(['abdhadi', 'taweel']);
    expect(score('Abdull Hadi al-Taweel', 'Abdul Hadi al-Taweel', 'Person')).toBeGreaterThan(0.95);
  });

  it('leaves Bad- surnames and Abdullah as they are', () => {
    expect(parseName('Badalova Irina', 'person').keyTokens).toEqual(['badalova', 'irina']);
    expect(parseName('Badalyan Armen', 'person').keyTokens).toEqual(['badalyan', 'armen']);
    expect(parseName('Abdullah Hadi', 'person').keyTokens).toEqual(['abdlah', 'hadi']);
  });
});

describe('sentinela-match-7: abbreviations and two-letter words', () => {
  it('compares a word read as an abbreviation as written too (STTE is STATE with a letter dropped)', () => {
    const q = prepareName('ISLAMIC STTE CENTRAL AFRICA PROVINCE', 'Organization');
    const c = prepareName('ISLAMIC STATE CENTRAL AFRICA PROVINCE', 'Organization');
    const compared = compareNames(q, c);
    expect(compared.score).toBeGreaterThan(0.9);
    expect(compared.features.map((f) => f.detail).join('\n')).toMatch(/STTE ↔ STATE: compared as written/);
  });

  it('takes a vowel for a vowel in a two-letter word of a vessel, aircraft or company for a slip', () => {
    expect(score('FE YUAN YU 8648', 'FU YUAN YU 8648', 'Vessel')).toBeGreaterThan(0.8);
    expect(score('RI-78831', 'RA-78831', 'Aircraft')).toBeGreaterThanOrEqual(0.7);
    expect(shortSlip('fu', 'fe', false)).toBe(true);
  });

  it('keeps two-letter words apart when a consonant differs, in people, and in three-letter words', () => {
    expect(shortSlip('fu', 'fe', true)).toBe(false); // Korean and Chinese syllables
    expect(shortSlip('ra', 'ba', false)).toBe(false);
    expect(shortSlip('cec', 'cac', false)).toBe(false);
    expect(score('FU YUAN YU 8648', 'FU YUAN YU 8649', 'Vessel')).toBeLessThan(0.7);
  });
});
