/**
 * Dropped letters (issue 14, part 3): the last letter of a company word, a letter of a short word in
 * any name, the first letter of a two-letter word left as a lone letter. Invented names; each rule
 * is checked against what it must leave apart.
 */
import { describe, expect, it } from 'vitest';
import { firstLetterDropped, innerLetterDropped, letterSlip, shortSlip } from './letter-slips.js';
import { type NameSchema, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string, schema: NameSchema) =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));

describe('a letter dropped at the end of a word', () => {
  it('is a slip in a company, vessel or aircraft word, the last letter of an acronym too', () => {
    expect(letterSlip('trivex', 'trivexa', false)).toBe(true);
    expect(score('TRIVEX', 'TRIVEXA', 'Organization')).toBeGreaterThanOrEqual(0.9);
    expect(score('ZBK', 'ZBKM', 'Organization')).toBeGreaterThanOrEqual(0.9);
  });

  it('is not a slip between personal names, nor in a code of a series', () => {
    expect(letterSlip('juan', 'juana', true)).toBe(false);
    expect(letterSlip('epmh', 'epmhl', false, true)).toBe(false);
    expect(score('EP-MH', 'EP-MHL', 'Aircraft')).toBeLessThan(0.85);
  });
});

describe('a letter dropped from a three-letter word', () => {
  it('is a short slip in personal names as in others: the rest of the name decides', () => {
    expect(shortSlip('ja', 'jan', true)).toBe(true);
    expect(shortSlip('ta', 'tae', true)).toBe(true);
    expect(score('Ja Morven Tellier', 'Jan Morven Tellier', 'Person')).toBeGreaterThanOrEqual(0.75);
  });

  it('leaves a replaced letter in a three-letter word apart, and a name with nothing else agreeing', () => {
    expect(shortSlip('jan', 'jon', true)).toBe(false);
    expect(score('Ja Morven', 'Jan Tellier', 'Person')).toBeLessThan(0.7);
  });
});

describe('a lone letter left of a two-letter word', () => {
  it('is the word with its first letter dropped, not a conflicting initial', () => {
    expect(firstLetterDropped('u', 'fu')).toBe(true);
    expect(score('U LANG HAI 17', 'FU LANG HAI 17', 'Vessel')).toBeGreaterThanOrEqual(0.8);
    expect(score('K VOLNA, OOO', 'RK VOLNA, OOO', 'Organization')).toBeGreaterThanOrEqual(0.75);
  });

  it('leaves an initial of another word, a letter the word does not end with, and a word of three apart', () => {
    expect(firstLetterDropped('f', 'fu')).toBe(false); // an initial, as before
    expect(firstLetterDropped('u', 'uu')).toBe(false);
    expect(firstLetterDropped('u', 'fau')).toBe(false);
    expect(score('P LANG HAI 17', 'FU LANG HAI 17', 'Vessel')).toBeLessThan(0.7);
  });
});

describe('a letter dropped inside a short personal name', () => {
  it('keeps both ends and every other letter in order', () => {
    expect(innerLetterDropped('tuesa', 'tukesa')).toBe(true);
    expect(innerLetterDropped('fawz', 'fawaz')).toBe(true);
    expect(innerLetterDropped('nio', 'nico')).toBe(true);
  });

  it('leaves the first and the last letter, a replaced letter and three-letter words apart', () => {
    expect(innerLetterDropped('mina', 'amina')).toBe(false); // the first letter
    expect(innerLetterDropped('juan', 'juana')).toBe(false); // the last letter
    expect(innerLetterDropped('tuso', 'tuesa')).toBe(false); // a letter dropped and one replaced
    expect(innerLetterDropped('ja', 'jan')).toBe(false); // a short slip's business
  });

  it('outranks a name that only sounds alike, under a slip in a long name', () => {
    const dropped = score('Tuesa', 'Tukesa', 'Person');
    expect(dropped).toBeGreaterThan(score('Tuesa', 'Tuso', 'Person'));
    expect(dropped).toBeLessThan(score('Kashlaf', 'Kahlaf', 'Person'));
    expect(score('Nio', 'Nico', 'Person')).toBeGreaterThanOrEqual(0.7);
  });

  it('is not read into romanised Korean syllables, which the Korean reading compares', () => {
    expect(score('Yong Chol Pak', 'Young Chol Pak', 'Person')).toBeLessThan(
      score('Tuesa Chol Pak', 'Tukesa Chol Pak', 'Person'),
    );
  });
});
