/**
 * sentinela-match-8 variation rules, each checked against what it must leave apart: ordinals in
 * words and digits, Roman series numerals, generation suffixes, patronymics compared by the
 * father's name, a syllable more under a shared sound, romanised Arabic filiation words, and the
 * added nicknames and given-name abbreviations.
 */
import { describe, expect, it } from 'vitest';
import { numberWordsToDigits, ordinalValue, parseName, romanSeriesNumbers } from '../normalize/index.js';
import { compareNames, DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string, schema: string) =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));
const details = (a: string, b: string, schema: string) =>
  compareNames(prepareName(a, schema), prepareName(b, schema)).features.map((f) => f.detail);

describe('sentinela-match-8: numbers', () => {
  it('compares ordinals in words and digits by their number, and keeps the word for typos', () => {
    expect(ordinalValue('second')).toBe(2);
    expect(ordinalValue('2nd')).toBe(2);
    expect(ordinalValue('secnd')).toBeUndefined();
    expect(numberWordsToDigits(['twenty', 'first', 'century'])).toEqual(['21st', 'century']);
    expect(score('First Capital Bank', '1st Capital Bank', 'Organization')).toBe(1);
    expect(score('First Capital Bank', 'Second Capital Bank', 'Organization')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
    expect(score('FIIRST CAPITAL BANK', 'First Capital Bank', 'Organization')).toBeGreaterThan(0.85);
    expect(details('Third Generation Energy', '3rd Generation Energy', 'Organization')).toContain(
      'name part THIRD ↔ 3RD: the same ordinal in words and digits (1)',
    );
  });

  it('reads Roman numerals as series numbers in names other than people’s, never a first word or an initial', () => {
    expect(romanSeriesNumbers(['kkr', 'asian', 'fund', 'iii'])).toEqual([0, 0, 0, 3]);
    expect(romanSeriesNumbers(['carlyle', 'partners', 'v'])).toEqual([0, 0, 5]);
    expect(romanSeriesNumbers(['l', 'h', 'sweden'])).toBeUndefined();
    expect(romanSeriesNumbers(['vi', 'trading'])).toBeUndefined();
    expect(romanSeriesNumbers(['ships', 'i'])).toBeUndefined();
    expect(parseName('Malcolm X', 'person').seriesNumbers).toBeUndefined();
    expect(parseName('Louis XIV', 'person').seriesNumbers).toBeUndefined();
  });

  it('matches a series numeral to its digits and scores another series of one fund below the same', () => {
    expect(score('Atlas Capital Partners II LP', 'Atlas Capital Partners 2 LP', 'Organization')).toBe(1);
    const other = score('KKR Asian Fund III L.P.', 'KKR Asian Fund IV L.P.', 'Organization');
    expect(other).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(other).toBeLessThan(0.95);
    expect(details('KKR Asian Fund III L.P.', 'KKR Asian Fund IV L.P.', 'Organization')).toContain(
      'name part III ↔ IV: another series number of the same name (0.8)',
    );
    expect(details('NORD STREAM II', 'NORD STREAM 2', 'Vessel')).toContain('II read as the number 2 (query)');
    // Another number in digits is still another company; a numeral on one side only costs.
    expect(score('Atlas Capital Partners II LP', 'Atlas Capital Partners 3 LP', 'Organization')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
    expect(score('LADY MARIA', 'LADY MARIA II', 'Vessel')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('keeps a typo in a vessel’s numeral a typo', () => {
    expect(score('SEASTAR III', 'SEASTAR IIII', 'Vessel')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });
});

describe('sentinela-match-8: people', () => {
  it('sets a generation suffix aside, and tells a father from a son by it', () => {
    expect(parseName('John Smith Jr.', 'person')).toMatchObject({
      keyTokens: ['john', 'smith'],
      generation: 'jr',
    });
    expect(parseName('Smith Jr', 'person').generation).toBeUndefined();
    expect(score('John Smith Jr.', 'John Smith', 'Person')).toBe(1);
    expect(score('Martin Luther King Jr.', 'Martin Luther King Junior', 'Person')).toBe(1);
    expect(score('Robert F. Kennedy Jr.', 'Robert F. Kennedy Sr.', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(details('Robert F. Kennedy Jr.', 'Robert F. Kennedy Sr.', 'Person')).toContain(
      'generation suffixes differ: JR ↔ SR (another generation of the family)',
    );
    expect(details('John Smith Jr.', 'John Smith', 'Person')).toContain(
      "generation suffix 'JR' ignored (query)",
    );
  });

  it('compares two patronymics by the father’s name, leaving typos and spellings alike', () => {
    expect(score('Ivan Petrovich Sidorov', 'Ivan Pavlovich Sidorov', 'Person')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
    expect(score('Oleg Sergeyevich Ivanov', 'Oleg Sergeevich Ivanov', 'Person')).toBeGreaterThan(0.9);
    expect(score('Viktor Borisovich Khristenko', 'Viktor Borrasovich Khristenko', 'Person')).toBeGreaterThan(
      DEFAULT_THRESHOLD,
    );
  });

  it('does not take a name with a syllable more for the same sound, unless it is a typo away', () => {
    expect(score('Vladimir Putin', 'Vladimir Potanin', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Sigma Holdings', 'Sagami Holdings', 'Organization')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Yevgeny Prigozhin', 'Evgeniy Prigojine', 'Person')).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(score('Hafiz Rashid', 'Haafz Rashid', 'Person')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('drops the filiation word of a name romanised from Arabic script, and only there', () => {
    expect(parseName('محمد بن سلمان', 'person').keyTokens).toEqual(['mhmd', 'slman']);
    expect(score('محمد بن سلمان', 'Mohammed bin Salman', 'Person')).toBeGreaterThan(0.8);
    expect(parseName('Bn Sharma Kumar', 'person').keyTokens).toContain('bn');
  });

  it('knows more nicknames and the abbreviations of given names', () => {
    for (const [a, b] of [
      ['Jennifer Lopez', 'Jenny Lopez'],
      ['Mikhail Fridman', 'Misha Fridman'],
      ['Lawrence Summers', 'Larry Summers'],
      ['Muhammad Yunus', 'Md Yunus'],
      ['William Jefferson Clinton', 'Wm Jefferson Clinton'],
      ['Christoph Schmidt', 'Kristof Shmidt'],
    ])
      expect(score(a!, b!, 'Person')).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(score('Robert Mugabe', 'Robin Mugabe', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('takes post-nominal letters off the end of a name, never Md at its start', () => {
    expect(parseName('Dr. John Smith, MD', 'person')).toMatchObject({ keyTokens: ['john', 'smith'] });
    expect(parseName('John Smith PhD', 'person').titles).toEqual(['phd']);
    expect(parseName('Md Yunus Khan', 'person').keyTokens).toEqual(['md', 'yunus', 'khan']);
    expect(parseName('Smith MD', 'person').keyTokens).toEqual(['smith', 'md']);
    expect(details('John Smith Esq.', 'John Smith', 'Person')).toContain("title 'esq' ignored (query)");
  });

  it('takes religious and royal titles off the front', () => {
    expect(parseName('Pope Francis', 'person').keyTokens).toEqual(['francis']);
    expect(parseName('Crown Prince Mohammed bin Salman', 'person').titles).toEqual(['crown', 'prince']);
  });

  it('joins bin and ibn to the surname as the other particles', () => {
    expect(score('Osama Bin Laden', 'Osama Binladen', 'Person')).toBeGreaterThan(0.85);
  });

  it('keeps two known different given names apart beyond one edit, not a typo of one', () => {
    expect(score('Mohammed Hassan', 'Mohammed Hussain', 'Person')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Abu Jamil', 'Abe Jamil', 'Person')).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(score('Alex Navalny', 'Alexei Navalny', 'Person')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });
});

describe('sentinela-match-8: acronyms', () => {
  it('lets an acronym keep or skip each function word and legal-form word, never a key word', () => {
    expect(score('MOIS', 'Ministry of Intelligence and Security', 'Organization')).toBe(0.9);
    expect(score('AQAP', 'Al-Qaida in the Arabian Peninsula', 'Organization')).toBe(0.9);
    expect(score('MIS', 'Ministry of Intelligence and Security', 'Organization')).toBe(0.9);
    expect(score('MOS', 'Ministry of Intelligence and Security', 'Organization')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
  });

  it('reads short groups as one acronym', () => {
    expect(score('IRGC-QF', 'Islamic Revolutionary Guard Corps Qods Force', 'Organization')).toBe(0.9);
    expect(details('IRGC-QF', 'Islamic Revolutionary Guard Corps Qods Force', 'Organization')).toContain(
      'acronym IRGCQF = initials of the other name',
    );
    expect(score('IRGC QF', 'Islamic Revolutionary Guard Corps', 'Organization')).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
  });
});
