import { describe, expect, it } from 'vitest';
import { parseName } from './name-parser.js';
import { readThroughTypo, shortLegalFormThroughDoubling, twoSlips, typoDistance } from './typo-vocabulary.js';

describe('typo vocabulary: words that say what a name is, read through a typo', () => {
  it('reads legal-form words, titles, common words and countries through one edit', () => {
    expect(readThroughTypo('limitde')).toMatchObject({ read: 'limited', kind: 'legal form' });
    expect(readThroughTypo('compny')).toMatchObject({ read: 'company', kind: 'legal form' });
    expect(readThroughTypo('imited')).toMatchObject({ read: 'limited' }); // first letter dropped
    expect(readThroughTypo('shikh')).toMatchObject({ kind: 'title' });
    expect(readThroughTypo('belarsu')).toMatchObject({ read: 'belarus', kind: 'country' });
    expect(readThroughTypo('shippng')).toMatchObject({ read: 'shipping', kind: 'common word' });
  });

  it('reads long words through two edits, short ones through one only', () => {
    expect(readThroughTypo('otvetstvenostiyu')?.read).toMatch(/^otvetstvennost/);
    expect(readThroughTypo('lmitdd')).toBeUndefined();
  });

  it('keeps distinctive words: no replaced first letter, no short or end-letter forms of common words', () => {
    expect(readThroughTypo('rational')).toBeUndefined(); // not NATIONAL
    expect(readThroughTypo('chino')).toBeUndefined(); // CHINA is too short to correct towards
    expect(readThroughTypo('motor')).toBeUndefined(); // MOTORS: another form, not a typo
    expect(readThroughTypo('ltd')).toBeUndefined();
    expect(readThroughTypo('limited')).toBeUndefined(); // already a vocabulary word
  });

  it('reads no title of five letters through a typo: given names are that near (Adam, Saeed)', () => {
    expect(readThroughTypo('adam')).toBeUndefined(); // not MADAM
    expect(readThroughTypo('saeed')).toBeUndefined(); // not SAYED
    expect(parseName('Adam Khan', 'person').keyTokens).toEqual(['adam', 'khan']);
    expect(parseName('SMITH, Adam', 'person').keyTokens).toContain('adam');
    expect(readThroughTypo('shaykhh')).toMatchObject({ kind: 'title' }); // six letters and more still
  });

  it('does not read a word as another word two replaced letters or another ending away', () => {
    expect(readThroughTypo('protection')).toBeUndefined(); // not PRODUCTION
    expect(readThroughTypo('consultant')).toBeUndefined(); // not CONSULTING
    expect(readThroughTypo('asadollah')).toBeUndefined(); // a name, not the title AYATOLLAH
    expect(readThroughTypo('yadollah')).toBeUndefined(); // nor with its first letter dropped
    expect(readThroughTypo('reduction')).toBeUndefined(); // not PRODUCTION
    expect(readThroughTypo('ubschestvo')?.read).toBe('obshchestvo'); // a legal form's first vowel
    expect(readThroughTypo('industrialny')).toBeUndefined(); // another form of INDUSTRIAL
    expect(readThroughTypo('distributions')).toBeUndefined(); // not DISTRIBUTORS
    expect(twoSlips('internaitonla', 'international')).toBe(true); // two swaps
    expect(twoSlips('otvetstvenostiyu', 'otvetstvennostyu')).toBe(true); // a letter moved
  });

  it('recognises short legal forms only through a doubled letter', () => {
    expect(shortLegalFormThroughDoubling('llcc')?.read).toBe('llc');
    expect(shortLegalFormThroughDoubling('oooo')?.read).toBe('ooo');
    expect(shortLegalFormThroughDoubling('llx')).toBeUndefined();
  });

  it('counts two swapped letters as one edit', () => {
    expect(typoDistance('compnay', 'company', 2)).toBe(1);
    expect(typoDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('parser: mistyped legal forms, titles and common words', () => {
  it('strips a mistyped legal form and explains the reading', () => {
    const p = parseName('CHONGCHONGANG SHIPPING COMPANY LIMITDE', 'organization');
    expect(p.keyTokens).toEqual(['chongchongang', 'shipping']);
    expect(p.legalForms.map((f) => f.canonical)).toContain('Ltd');
    expect(p.typoReadings).toContainEqual({ written: 'limitde', read: 'limited', kind: 'legal form' });
  });

  it('completes a multi-word legal form through a typo', () => {
    expect(parseName('RPP LIMITED LIABILITY COMPNY', 'organization').keyTokens).toEqual(['rpp']);
    expect(parseName('OCEAN ELECTRONICS LIMITAD LIABILITY COMPANY', 'organization').keyTokens).toEqual([
      'ocean',
      'electronics',
    ]);
    expect(parseName('JOINT STOCK COMPONY RADAR MMS', 'organization').keyTokens).toEqual(['radar', 'mms']);
    expect(parseName('MIEP LLCC', 'organization').legalForms.map((f) => f.canonical)).toEqual(['LLC']);
  });

  it('keeps a word that only looks like a legal-form word outside a legal-form phrase', () => {
    expect(parseName('STORK SHIPPING', 'organization').keyTokens).toEqual(['stork', 'shipping']);
    expect(parseName('JOINT STORK COMPANY AVIASTAR', 'organization').keyTokens).toEqual(['aviastar']);
  });

  it('reads a mistyped title at the start of a personal name', () => {
    const p = parseName('FAYAZ, Shikh', 'person');
    expect(p.keyTokens).toEqual(['fayaz']);
    expect(p.typoReadings[0]).toMatchObject({ written: 'shikh', kind: 'title' });
  });

  it('reads common words and countries in organisation names, and abbreviations with a doubled letter', () => {
    expect(
      parseName('INVESTIGATIVE COMMITTEE OF THE REPUBLIC OF BELARSU', 'organization').keyTokens,
    ).toContain('belarus');
    expect(parseName('INTRA-CHEMM TRADING', 'organization').keyTokens).toEqual([
      'intra',
      'chemical',
      'trading',
    ]);
  });
});

describe('slips of words the other name took out', () => {
  it('accepts one edit, and between two-letter words a swap or a vowel for a vowel only', async () => {
    const { isSlipOf } = await import('./typo-vocabulary.js');
    expect(isSlipOf('ojs', 'ojsc')).toBe(true);
    expect(isSlipOf('oa', 'ao')).toBe(true);
    expect(isSlipOf('ci', 'co')).toBe(true);
    expect(isSlipOf('cx', 'co')).toBe(false);
    expect(isSlipOf('ao', 'ao')).toBe(false);
  });

  it('joins an Abd- name with a doubled letter like the others', () => {
    expect(parseName('AABDULLAH, Amir', 'person').keyTokens).toEqual(
      parseName('ABDULLAH, Amir', 'person').keyTokens,
    );
    expect(parseName('Abbdul Manan', 'person').keyTokens).toEqual(
      parseName('Abdul Manan', 'person').keyTokens,
    );
  });
});
