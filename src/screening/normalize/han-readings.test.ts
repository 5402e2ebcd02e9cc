import { describe, expect, it } from 'vitest';
import { japaneseReading, koreanReading } from './han-readings.js';
import { koreanNameKeys, koreanSyllableKey } from './korean-name-key.js';
import { wadeGilesToPinyin } from './wade-giles.js';

describe('Korean and Japanese readings of Han characters', () => {
  it('reads a Hanja name the Korean way, surname in its customary spelling', () => {
    expect(koreanReading('朴正熙')).toBe('park jong hui');
    expect(koreanReading('李明博')).toBe('lee myong bak');
  });
  it('reads a kanji name the Japanese way, with voiced sounds later in the surname', () => {
    expect(japaneseReading('田中一郎')).toBe('tanaka ichiro');
    expect(japaneseReading('吉田茂')).toBe('yoshida shigeru');
    expect(japaneseReading('和田和夫')).toBe('wada kazuo');
  });
  it('gives no reading when a character is outside the table', () => {
    expect(koreanReading('朴槿鬱')).toBeUndefined();
    expect(japaneseReading('山田鬱')).toBeUndefined();
    expect(koreanReading('Kim')).toBeUndefined();
  });
});

describe('Korean romanisation keys', () => {
  it('gives McCune–Reischauer, Revised and customary spellings one key', () => {
    expect(koreanSyllableKey('chong')).toBe(koreanSyllableKey('jeong'));
    expect(koreanSyllableKey('chol')).toBe(koreanSyllableKey('cheol'));
    expect(koreanSyllableKey('choe')).toBe(koreanSyllableKey('choi'));
    expect(koreanSyllableKey('young')).toBe(koreanSyllableKey('yong'));
    expect(koreanSyllableKey('lee')).toBe(koreanSyllableKey('ri'));
  });
  it('keeps different syllables apart', () => {
    expect(koreanSyllableKey('min')).not.toBe(koreanSyllableKey('chol'));
    expect(koreanSyllableKey('nam')).not.toBe(koreanSyllableKey('man'));
  });
  it('keys only names that look Korean', () => {
    expect(koreanNameKeys(['kim', 'jong', 'un'])).toEqual(['gim', 'jong', 'on']);
    expect(koreanNameKeys(['maria', 'chong', 'lopez'])).toBeUndefined();
    expect(koreanNameKeys(['john', 'smith'])).toBeUndefined();
  });
});

describe('Wade–Giles to pinyin', () => {
  it('rewrites only the syllables pinyin cannot have', () => {
    expect(wadeGilesToPinyin(['chou', 'en', 'lai'])).toBeUndefined();
    expect(wadeGilesToPinyin(['teng', 'hsiao', 'ping'])).toEqual(['teng', 'xiao', 'ping']);
    expect(wadeGilesToPinyin(['liu', 'shao', 'chih'])).toEqual(['liu', 'shao', 'zhi']);
    expect(wadeGilesToPinyin(['sun', 'chung', 'shan'])).toEqual(['sun', 'zhong', 'shan']);
  });
  it('leaves names that are not made of Chinese syllables alone', () => {
    expect(wadeGilesToPinyin(['carl', 'jung'])).toBeUndefined();
    expect(wadeGilesToPinyin(['tsung'])).toBeUndefined();
  });
});
