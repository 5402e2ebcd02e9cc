/**
 * Organisation-name families: organisation-type words in another language read as the English
 * word, and acronyms of leading syllables — each checked against what it must leave apart.
 */
import { describe, expect, it } from 'vitest';
import { orgTypeGroup } from '../normalize/org-type-words.js';
import { compareNames, DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';
import { syllableAcronymScore } from './org-name-rules.js';

const score = (a: string, b: string) =>
  scoreNames(prepareName(a, 'Organization'), prepareName(b, 'Organization'));
const details = (a: string, b: string) =>
  compareNames(prepareName(a, 'Organization'), prepareName(b, 'Organization')).features.map((f) => f.detail);

describe('organisation-type words across languages', () => {
  it('compares a type word with its English word as a variant, and explains it', () => {
    expect(score('Zavod Almaz', 'Almaz Plant')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Naviera Costa Azul', 'Costa Azul Shipping')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Sherkat Pars Kala', 'Pars Kala Company')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(details('Zavod Almaz', 'Almaz Plant').join('\n')).toContain(
      'ZAVOD ↔ PLANT: the same kind of organisation in another language',
    );
  });

  it('keeps the word as written, so a typo in it is a typo, and leaves bank names alone', () => {
    expect(prepareName('Zavod Almaz', 'Organization').keyTokens).toEqual(['zavod', 'almaz']);
    expect(score('Zavd Almaz', 'Zavod Almaz')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    for (const word of ['melli', 'mellat', 'tejarat', 'neft', 'sepah'])
      expect(orgTypeGroup.has(word)).toBe(false);
    expect(orgTypeGroup.get('zavod')).toBe(orgTypeGroup.get('plant'));
  });

  it('keeps names whose own words differ apart', () => {
    expect(score('Naviera Costa Azul', 'Costa Brava Shipping')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Zavod Almaz', 'Rubin Plant')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Banco Altamira', 'Banque Atlantique')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('compares words joined as written', () => {
    expect(score('Uralvagon Zavod', 'Uralvagonzavod')).toBeGreaterThanOrEqual(0.9);
    expect(score('Industria Quimica Andina', 'Andina Chemical Industries')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
  });
});

describe('acronyms of leading syllables', () => {
  it('matches each word giving its first letters in order, common words none', () => {
    expect(score('KOMID', 'Korea Mining Development Trading Corporation')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(score('NORINCO', 'China North Industries Corporation')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(details('KOMID', 'Korea Mining Development Trading Corporation').join('\n')).toContain(
      'leading letters of the words of the other name',
    );
  });

  it('needs five letters, three words, two syllables and every distinctive word', () => {
    const key = ['korea', 'mining', 'development', 'trading'];
    const tokens = [...key, 'corporation'];
    expect(syllableAcronymScore('komid', tokens, key)).toBeGreaterThan(0);
    expect(syllableAcronymScore('kmdt', tokens, key)).toBe(0);
    expect(syllableAcronymScore('komi', tokens, key)).toBe(0);
    expect(syllableAcronymScore('dekomi', tokens, key)).toBe(0);
    expect(score('KOMID', 'Korea Mineral Trading Company')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('answers for a name of many words that may give nothing without trying every combination', () => {
    // Each TRADING may give T or nothing: tried combination by combination this took 17 s at 30
    // words and did not end at 40.
    const tokens = [...Array.from({ length: 40 }, () => 'trading'), 'company'];
    expect(syllableAcronymScore('tttttttt', tokens, tokens)).toBe(0);
    expect(
      syllableAcronymScore('trtrtra', [...tokens.slice(0, 30), 'trade', 'company'], tokens),
    ).toBeGreaterThan(0);
  });
});
