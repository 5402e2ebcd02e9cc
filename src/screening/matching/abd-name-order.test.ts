/**
 * Abd- names compared across word order and slips in the Abd- form: what the parse cannot join
 * (a lone Abd- form at the end, a letter dropped from it) the comparison joins when the other name
 * holds the joined token, and leaves apart what is another name.
 */
import { describe, expect, it } from 'vitest';
import { abdNameSlipJoin } from '../normalize/arabic-abd-names.js';
import { abdNameWithSlip, abdNameWrittenBefore } from '../normalize/index.js';
import { compareNames, DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string) => scoreNames(prepareName(a, 'Person'), prepareName(b, 'Person'));

describe('an Abd- name written surname-first', () => {
  it('joins the word before a lone Abd- form', () => {
    expect(abdNameWrittenBefore('rahman', 'abdul')).toBe('abdrahman');
    expect(abdNameWrittenBefore('rahman', 'abu')).toBeUndefined();
    expect(abdNameWrittenBefore('al', 'abdul')).toBeUndefined();
  });

  it('matches the name in either order, without a comma', () => {
    expect(score('Abdul Rahman', 'RAHMAN Abdul')).toBe(1);
    expect(score('Mohammed Abdul', 'Abdul Mohammed')).toBe(1);
    expect(score('Abdel Karim Hassan', 'HASSAN Karim Abdel')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const details = compareNames(
      prepareName('Abdul Rahman', 'Person'),
      prepareName('RAHMAN Abdul', 'Person'),
    ).features.map((f) => f.detail);
    expect(details[0]).toContain('split words joined before comparing');
  });

  it('leaves another Abd- name apart', () => {
    expect(score('Abdul Rahman', 'KARIM Abdul')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Abdul Rahman Khan', 'KHAN Abdul')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('a letter dropped from the Abd- form of a split Abd- name', () => {
  it('keeps the slip in the joined token, only against the joined name', () => {
    expect(abdNameWithSlip('adul', 'rachim', ['abdrachim'])).toBe('adrachim');
    expect(abdNameWithSlip('abur', 'rehman', ['abdrehman'])).toBe('abrehman');
    expect(abdNameWithSlip('abdl', 'rahman', ['abdrahman'])).toBe('abdrahman');
    expect(abdNameWithSlip('adul', 'rachim', ['abdkarim'])).toBeUndefined();
    for (const name of ['abu', 'abul', 'adel', 'abel', 'adil', 'abdi', 'abdo', 'abdou'])
      expect(abdNameWithSlip(name, 'hasan', ['abdhasan']), name).toBeUndefined();
    // Abul is the kunya before a son's name, but no kunya is "father of" a name of God.
    expect(abdNameWithSlip('abul', 'rahman', ['abdrahman'])).toBe('abrahman');
    expect(abdNameWithSlip('abul', 'salam', ['abdsalam'])).toBe('absalam');
    expect(abdNameWithSlip('abu', 'rahman', ['abdrahman'])).toBeUndefined();
    expect(abdNameWithSlip('abul', 'karim', ['abdkarim'])).toBeUndefined(); // Karim is a son's name too
  });

  it('scores it as a typo, below the exact name', () => {
    const s = score('Abdur Rehman Makki', 'Abur Rehman Makki');
    expect(s).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(s).toBeLessThan(1);
    expect(score('Abdel Karim', 'Adel Karim')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Abdul Hasan Saleh', 'Abul Hasan Saleh')).toBeLessThan(DEFAULT_THRESHOLD);
    const slipped = score('Abdul Rahman Saleh', 'Abul Rahman Saleh');
    expect(slipped).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(slipped).toBeLessThan(1);
  });

  it('reads Abul joined to Allah or a name of God as Abdul, and leaves a joined kunya alone', () => {
    expect(score('Abdullah Saleh', 'Abullah Saleh')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Abdulrahman Saleh', 'Abulrahman Saleh')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // Adel, Abel (names of their own) and Abu joined to a name of God: Abdel, Abdur mistyped.
    expect(score('ABDELRAZEK, Samir', 'ADELRAZEK, Samir')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Abdurrahman Saleh', 'Aburrahman Saleh')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // Before anything else they stay as written: Adelina, Abulhasan.
    expect(prepareName('Adelina Saleh', 'Person').keyTokens).toContain('adelina');
    expect(prepareName('Abulhasan Saleh', 'Person').keyTokens).toContain('abulhasan');
    // A joined kunya is not read as Abdul: only its spelling counts, below the reading of Abdul.
    expect(score('Abdulhasan Saleh', 'Abulhasan Saleh')).toBeLessThan(
      score('Abdulrahman Saleh', 'Abulrahman Saleh'),
    );
  });
});

describe('the joined Abd- name two or three words may be a slip of (for the index)', () => {
  it('joins an Abd- form with a letter dropped, or "abd" as AB or AD, to the next word', () => {
    expect(abdNameSlipJoin('abdl', 'muthana', undefined)).toEqual({ joined: 'abdmuthana', words: 2 });
    expect(abdNameSlipJoin('adul', 'aziz', 'khan')).toEqual({ joined: 'abdaziz', words: 2 });
    expect(abdNameSlipJoin('ad', 'karim', undefined)).toEqual({ joined: 'abdkarim', words: 2 });
    expect(abdNameSlipJoin('ab', 'baqi', 'muhammad')).toEqual({ joined: 'abdbaqi', words: 2 });
  });

  it('reads a lone A after an Abd- form as the article with its L dropped', () => {
    expect(abdNameSlipJoin('abd', 'a', 'hakim')).toEqual({ joined: 'abdhakim', words: 3 });
    expect(abdNameSlipJoin('abdul', 'a', 'rahman')).toEqual({ joined: 'abdrahman', words: 3 });
    expect(abdNameSlipJoin('abu', 'a', 'rahman')).toBeUndefined();
  });

  it('leaves names of their own and short next words alone', () => {
    for (const word of ['abu', 'abul', 'adel', 'abel', 'adil', 'abdi', 'abdo', 'ali', 'ahmad'])
      expect(abdNameSlipJoin(word, 'hasan', undefined), word).toBeUndefined();
    expect(abdNameSlipJoin('abul', 'rahman', undefined)).toEqual({ joined: 'abdrahman', words: 2 });
    expect(abdNameSlipJoin('abdl', 'al', 'majid')).toBeUndefined();
    expect(abdNameSlipJoin('ad', 'a', 'karim')).toBeUndefined();
  });
});

describe('an Abd- name romanised from Arabic script', () => {
  it('compares the consonants of what follows "abd", not the shared "abd"', () => {
    // عبدالخالق (Abd al-Khaliq) is not Abdulmalik, though b-d and a k-l sound are in both.
    expect(score('ABDULMALIK AL-HOUTHI', 'عبدالخالق الحوثي')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('ABD AL-KHALIQ AL-HOUTHI', 'عبدالخالق الحوثي')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('ABDUL RAHMAN AL-HOUTHI', 'عبدالرحمن الحوثي')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Abdul Aziz', 'عبد العزيز')).toBe(1);
  });
});

describe('the article after a split Abd- form', () => {
  it('is not read into a four-letter name of its own, which keeps its word as the joined form does', () => {
    const tokens = (name: string) => prepareName(name, 'Person').keyTokens;
    expect(tokens('Abdul Alam')).toEqual(tokens('Abdulalam'));
    expect(tokens('Abdul Atta')).toEqual(['abdatta']);
    // A letter dropped from the name after Abdul is then a slip of the joined name.
    expect(score('Abdul Patta Abu Bakar', 'Abdul Atta Abu Bakar')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('still reads the article alone, its L doubled, and Allah short of a letter', () => {
    expect(score('Abd Al-Rahman Yusef', 'Abd All-Rahman Yusef')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Abd Allah Yusef', 'Abd Alla Yusef')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});
