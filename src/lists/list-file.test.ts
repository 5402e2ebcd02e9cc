import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset } from '../input/utf8-validity.js';
import { decodeListBytes } from './list-file.js';

describe('decodeListBytes', () => {
  it('drops the DOS end-of-file byte and a UTF-8 byte-order mark', () => {
    const warnings: string[] = [];
    const text = decodeListBytes(Buffer.from('\uFEFFa,b\r\n\x1a'), 'f.csv', 'utf-8', warnings);
    expect(text).toBe('a,b');
    expect(warnings).toEqual([]);
  });

  it('rejects UTF-16 with a hint', () => {
    expect(() => decodeListBytes(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'f.csv', 'utf-8', [])).toThrow(
      /f\.csv:1: file is UTF-16/,
    );
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts valid multi-byte text and finds broken sequences', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('Peña ñandú 中文 😀'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe9, 0x62]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
    expect(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short
  });
});
