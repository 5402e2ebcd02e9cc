import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv-reader.js';
import { CsvSplitter } from './csv-splitter.js';

const awkward = [
  'a,b,c\n1,2,3\n',
  '\ufeffid,name\n1,"Nube Datos, S.A. de C.V."\n',
  'id,name\r\n1,"He said ""no"""\r\n2,plain\r\n',
  'id,note\n1,"two\nlines"\n2,x\n',
  'a,b\n1,\n,2\n',
  'a,b\n1,2',
  'a\n"x"\n""\n',
];

function splitAll(text: string, chunk: number): string[][] {
  const s = new CsvSplitter();
  const out: string[][] = [];
  for (let k = 0; k < text.length; k += chunk)
    out.push(...s.push(text.slice(k, k + chunk)).map((r) => r.cells));
  out.push(...s.end().map((r) => r.cells));
  return out;
}

describe('CsvSplitter', () => {
  it('splits like the CSV reader facade, whatever the chunk boundaries', () => {
    for (const text of awkward) {
      const expected = readCsvRows(text, 't.csv')
        .map((r) => r.cells)
        .filter((r) => !(r.length === 1 && r[0] === ''));
      for (const chunk of [1, 2, 3, 7, 1000])
        expect(splitAll(text, chunk), `${JSON.stringify(text)} / ${chunk}`).toEqual(expected);
    }
  });

  it('gives each record the line it starts on', () => {
    const s = new CsvSplitter();
    const records = s.end('h\n"a\nb"\nc\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('hands rows to a visitor with the line each starts on', () => {
    const s = new CsvSplitter();
    const rows: Array<[number, string[]]> = [];
    s.write('h,i\n"a\nb",', (row) => rows.push([row.line, row.cells()]));
    s.finish('c\nd,e', (row) => rows.push([row.line, row.cells()]));
    expect(rows).toEqual([
      [1, ['h', 'i']],
      [2, ['a\nb', 'c']],
      [4, ['d', 'e']],
    ]);
  });

  it('refuses a quoted field that never closes', () => {
    expect(() => new CsvSplitter().end('a\n"open\n')).toThrow(/never closed/);
  });
});
