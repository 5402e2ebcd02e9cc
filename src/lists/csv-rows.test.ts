import { describe, expect, it } from 'vitest';
import { parseCsvRows } from './csv-rows.js';

describe('parseCsvRows', () => {
  it('keeps the line each row starts on, across quoted newlines and blank lines', () => {
    expect(parseCsvRows('1,"a\r\nb",c\r\n\r\n2,"say ""hi""",\r\n', 'x.csv')).toEqual([
      { line: 1, fields: ['1', 'a\r\nb', 'c'] },
      { line: 4, fields: ['2', 'say "hi"', ''] },
    ]);
  });

  it('rejects a quote inside an unquoted field', () => {
    expect(() => parseCsvRows('1,ab"c,d\n', 'x.csv')).toThrow(/x\.csv:1: field "column 2": quote inside/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsvRows('1,\n2,"ab"c\n', 'x.csv')).toThrow(
      /x\.csv:2: field "column 2": unexpected text/,
    );
  });
});
