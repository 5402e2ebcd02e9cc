import { describe, expect, it } from 'vitest';
import { consonantSkeleton } from './consonant-skeleton.js';

describe('consonantSkeleton', () => {
  it('gives Latin spellings and vowel-less romanisations of one Arabic name the same skeleton', () => {
    expect(consonantSkeleton('mohammed')).toBe('mhmd');
    expect(consonantSkeleton('muhamad')).toBe('mhmd');
    expect(consonantSkeleton('mhmd')).toBe('mhmd');
    expect(consonantSkeleton('hassan')).toBe(consonantSkeleton('hsn'));
    expect(consonantSkeleton('yusuf')).toBe(consonantSkeleton('ywsf'));
    expect(consonantSkeleton('qasim')).toBe(consonantSkeleton('kassem'));
    expect(consonantSkeleton('fatimah')).toBe(consonantSkeleton('fatma'));
    expect(consonantSkeleton('nasrallah')).toBe(consonantSkeleton('nsrallh'));
  });
  it('keeps a consonant repeated across a vowel and h as a consonant', () => {
    expect(consonantSkeleton('ahmad')).toBe('hmd');
    expect(consonantSkeleton('ahmad')).not.toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('sadat')).toBe('sdt');
  });
  it('keeps d and t apart, as Arabic script does', () => {
    expect(consonantSkeleton('madani')).not.toBe(consonantSkeleton('matin'));
  });
});
