/**
 * The CSV facade: the line each row starts on, the errors (file, line, cell; an unclosed quote at
 * the line it opens), and its fast path checked against csv-parse reading the whole text on
 * thousands of generated files — quoted cells over lines, doubled quotes, blank lines, CRLF, CR,
 * tabs, trimming, relaxed quotes — so the fast path can never read a file differently.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.js';
import { seededRandom } from '../core/index.js';
import {
  type CsvBadRecord,
  CsvLineReader,
  type CsvReadOptions,
  readCsvRows,
  streamCsvRows,
} from './index.js';
import { Readable } from 'node:stream';

const rows = (text: string, options: CsvReadOptions = {}) =>
  readCsvRows(text, 'x.csv', options).map((r) => ({ line: r.line, fields: r.cells }));

function thrown(run: () => unknown): InputError {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readCsvRows', () => {
  it('keeps the line each row starts on, across quoted newlines and blank lines', () => {
    expect(rows('1,"a\r\nb",c\r\n\r\n2,"say ""hi""",\r\n')).toEqual([
      { line: 1, fields: ['1', 'a\r\nb', 'c'] },
      { line: 4, fields: ['2', 'say "hi"', ''] },
    ]);
  });

  it('rejects a quote inside an unquoted field', () => {
    expect(() => rows('1,ab"c,d\n')).toThrow(/x\.csv:1: field "column 2": quote inside/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => rows('1,\n2,"ab"c\n')).toThrow(/x\.csv:2: field "column 2": unexpected text/);
  });

  it('names the line where a quoted cell that is never closed opens, and its cell', () => {
    const error = thrown(() => rows('id,name\n1,ok\n2,"x\n3,y\n4,z\n'));
    expect(error).toMatchObject({ file: 'x.csv', line: 3, field: 'column 2' });
    expect(error.reason).toBe('a quoted cell is not closed before the end of the file');
    // Closed on a later line and opened again: the second opening is the one never closed.
    expect(thrown(() => rows('a,"x\ny",b,"z\nw\n'))).toMatchObject({ line: 2, field: 'column 4' });
  });

  it('reads a quote inside an unquoted cell as data when quotes are relaxed', () => {
    expect(rows('1,Joe "El Chapo" X\n2,5"10\n3,"a\nb"\n', { relaxQuotes: true })).toEqual([
      { line: 1, fields: ['1', 'Joe "El Chapo" X'] },
      { line: 2, fields: ['2', '5"10'] },
      { line: 3, fields: ['3', 'a\nb'] },
    ]);
  });

  it('ends records at LF and CRLF mixed in one file, and at CR in a classic Mac file', () => {
    expect(rows('a,b\r\nc,d\ne,f\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
    expect(rows('a,b\rc,"d\re"\rf\r')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd\re'] },
      { line: 4, fields: ['f'] },
    ]);
  });

  it('names TSV in an error that is not about quotes', () => {
    expect(() => readCsvRows('a\tb\n', 'x.tsv', { delimiter: '\t' })).not.toThrow();
    expect(() => readCsvRows('a\n', 'x.csv', { delimiter: ';;' })).toThrow(/one character/);
  });
});

describe('CsvLineReader', () => {
  it('reads text arriving in any pieces the same as all at once', () => {
    const text = '\ufeffid,name\r\n1,"Ana, María"\r\n2,"x\r\ny"\r\n\r\n3,"say ""hi"""\r\n4,plain';
    const whole = readCsvRows(text, 'x.csv');
    const random = seededRandom(17);
    for (let n = 0; n < 200; n++) {
      const got: Array<{ line: number; cells: string[] }> = [];
      const reader = new CsvLineReader('x.csv', {}, { row: (cells, line) => got.push({ line, cells }) });
      for (let i = 0; i < text.length; ) {
        const size = 1 + Math.floor(random() * 6);
        reader.write(text.slice(i, i + size));
        i += size;
      }
      reader.end();
      expect(got).toEqual(whole);
    }
  });

  it('hands a bad record to the sink and reads on, or the one open at the end of the file', () => {
    const bad: CsvBadRecord[] = [];
    const got: number[] = [];
    const reader = new CsvLineReader(
      'o.csv',
      {},
      { row: (_c, line) => got.push(line), bad: (b) => bad.push(b) },
    );
    reader.write('a,b\n1,"x"y\n2,z\n3,"open\n4,w\n');
    reader.end();
    expect(got).toEqual([1, 3]);
    expect(bad.map((b) => [b.line, b.unclosed, b.error.message])).toEqual([
      [2, false, 'o.csv:2: field "column 2": unexpected text after a closing quote'],
      [4, true, 'o.csv:4: field "column 2": a quoted cell is not closed before the end of the file'],
    ]);
  });

  it('streams bytes split inside a multi-byte character', async () => {
    const bytes = Buffer.from('id,name\n1,"Peña\nNieto"\n2,Núñez\n');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const got = [];
    for await (const row of streamCsvRows(Readable.from(chunks), 'x.csv')) got.push(row);
    expect(got).toEqual(readCsvRows(bytes.toString(), 'x.csv'));
  });
});

/** csv-parse over the whole text: the cells (its own line count is off inside quoted CRLFs). */
function reference(text: string, options: CsvReadOptions): string[][] {
  return parse(text, {
    delimiter: options.delimiter ?? ',',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...(options.trim && { trim: true }),
    ...(options.relaxQuotes && { relax_quotes: true }),
  }) as string[][];
}

describe('the fast path reads every generated file as csv-parse does', () => {
  const pieces = ['a', 'b', 'é', ' ', '  ', '\t', ',', ';', '"', '""', '\n', 'x y', '金'];
  /** A file and the line each of its non-blank records starts on, known by construction. */
  function generate(
    random: () => number,
    delimiter: string,
    lineEnd: string,
    trim: boolean,
  ): { text: string; starts: number[]; malformed: boolean } {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const lines: string[] = [];
    const starts: number[] = [];
    let line = 1;
    let malformed = false;
    const records = 1 + Math.floor(random() * 6);
    for (let r = 0; r < records; r++) {
      if (random() < 0.15) {
        lines.push('');
        line++;
      }
      const cells: string[] = [];
      const width = 1 + Math.floor(random() * 4);
      for (let c = 0; c < width; c++) {
        let value = '';
        for (let k = Math.floor(random() * 4); k > 0; k--) value += pick(pieces);
        const special = value.includes(delimiter) || value.includes('"') || value.includes('\n');
        let cell = special || random() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value;
        if (random() < 0.03) {
          cell = pick(['"', 'q"', '"open', '"a"b']); // malformed now and then
          malformed = true;
        }
        if (trim && random() < 0.2) cell = ` ${cell} `;
        cells.push(cell.replaceAll('\n', lineEnd));
      }
      const record = cells.join(delimiter);
      if ((trim ? record.trim() : record) !== '') starts.push(line);
      line += record.split(lineEnd).length;
      lines.push(record);
    }
    const bom = random() < 0.1 ? '\ufeff' : '';
    return { text: bom + lines.join(lineEnd) + (random() < 0.7 ? lineEnd : ''), starts, malformed };
  }

  const cases: Array<[string, CsvReadOptions, string]> = [
    ['comma, LF', {}, '\n'],
    ['comma, CRLF', {}, '\r\n'],
    ['comma, CR', {}, '\r'],
    ['tab, LF', { delimiter: '\t' }, '\n'],
    ['trimmed', { trim: true }, '\n'],
    ['relaxed quotes, CRLF', { relaxQuotes: true }, '\r\n'],
  ];
  for (const [name, options, lineEnd] of cases) {
    it(name, () => {
      const random = seededRandom(name.length * 7919);
      let compared = 0;
      let linesCompared = 0;
      let refused = 0;
      for (let n = 0; n < 1500; n++) {
        const { text, starts, malformed } = generate(
          random,
          options.delimiter ?? ',',
          lineEnd,
          options.trim === true,
        );
        // A bare CR inside a cell of an LF file would be a line end to csv-parse's guess alone.
        if (lineEnd !== '\r' && /\r(?!\n)/.test(text)) continue;
        let expected: string[][] | undefined;
        try {
          expected = reference(text, options);
        } catch {
          expected = undefined;
        }
        if (expected === undefined) {
          expect(() => readCsvRows(text, 'g.csv', options), JSON.stringify(text)).toThrow(InputError);
          refused++;
          continue;
        }
        const got = readCsvRows(text, 'g.csv', options);
        expect(
          got.map((r) => r.cells),
          JSON.stringify(text),
        ).toEqual(expected);
        compared++;
        // Where no malformed cell can have merged records, each starts where it was written.
        if (!malformed) {
          expect(
            got.map((r) => r.line),
            JSON.stringify(text),
          ).toEqual(starts);
          linesCompared++;
        }
      }
      expect(linesCompared).toBeGreaterThan(400);
      expect(compared).toBeGreaterThan(500);
      if (!options.relaxQuotes) expect(refused).toBeGreaterThan(20);
    });
  }
});
