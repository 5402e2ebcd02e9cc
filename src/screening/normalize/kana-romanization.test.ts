import { describe, expect, it } from 'vitest';
import { romanize } from './romanize.js';
import { romanizeKana } from './kana-romanization.js';

describe('romanizeKana', () => {
  it('reads katakana and hiragana in Hepburn', () => {
    expect(romanizeKana([...'バラク'])).toBe('baraku');
    expect(romanizeKana([...'やまだ'])).toBe('yamada');
    expect(romanizeKana([...'シンゾウ'])).toBe('shinzou');
  });
  it('joins small kana to the syllable before and doubles after a small tsu', () => {
    expect(romanizeKana([...'キャット'])).toBe('kyatto');
    expect(romanizeKana([...'ファティマ'])).toBe('fatima');
    expect(romanizeKana([...'ジェームズ'])).toBe('jemuzu');
    expect(romanizeKana([...'マッチャ'])).toBe('matcha');
  });
  it('marks a kana name as one whose vowels are unreliable', () => {
    const r = romanize('バラク・オバマ');
    expect(r.text).toBe('baraku obama');
    expect(r.fromAbjad).toBe(true);
    expect(r.transliterated).toBe(true);
  });
});
