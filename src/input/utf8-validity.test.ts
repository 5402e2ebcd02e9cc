import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset } from './utf8-validity.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8Offset', () => {
  it('is -1 for valid UTF-8, multi-byte and four-byte characters included', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('José Müller, 张伟, محمد, 😀\n'))).toBe(-1);
    expect(firstInvalidUtf8Offset(bytes())).toBe(-1);
  });

  it('gives the offset of the first byte that breaks it: overlongs, surrogates, past U+10FFFF, cut short', () => {
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes(0x41, 0x42, 0xe0, 0x80, 0x80))).toBe(2);
    expect(firstInvalidUtf8Offset(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xf4, 0x90, 0x80, 0x80))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes(0xc3, 0xa9, 0xe2, 0x82))).toBe(2);
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xe9, 0x41))).toBe(1);
  });
});
