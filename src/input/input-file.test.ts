/**
 * The input decoder on the file shapes customers send: each case below was a silent miss or a
 * merged row before — Windows-1252 names, UTF-16 from Excel, CRLF with LF rows appended, TSV read
 * as commas, JSON arrays, duplicate ids.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/input-error.js';
import { decodeInput, type InputRecord, readInputFile, readRecords } from './index.js';

const read = (bytes: Uint8Array | string, file = 'customers.csv') =>
  readInputFile(
    file,
    { required: ['id', 'name'], idColumn: 'id' },
    typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  );
const values = (records: InputRecord[]) => records.map((r) => ('values' in r ? r.values : r.reject));

describe('decodeInput', () => {
  it('reads Windows-1252 as such, with a warning naming the file and line', () => {
    const bytes = iconv.encode('id,name\n1,Juan Perez\n2,Joaquín Muñoz Peña\n', 'win1252');
    const input = read(bytes);
    expect(input.encoding).toBe('windows-1252');
    expect(values(input.records)[1]).toEqual({ id: '2', name: 'Joaquín Muñoz Peña' });
    expect(input.warnings).toEqual([
      expect.stringMatching(/^customers\.csv:3: not valid UTF-8 \(byte 0xed\)/),
    ]);
  });

  it('reads UTF-16 with and without a byte-order mark, little and big endian', () => {
    const text = 'id,name\n1,Ismael Zambada García\n';
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]), 'utf-16be'],
      [iconv.encode(text, 'utf16le'), 'utf-16le'],
      [iconv.encode(text, 'utf16be'), 'utf-16be'],
    ] as const) {
      const input = read(bytes);
      expect(input.encoding).toBe(encoding);
      expect(input.columns).toEqual(['id', 'name']);
      expect(values(input.records)).toEqual([{ id: '1', name: 'Ismael Zambada García' }]);
    }
  });

  it('drops a UTF-8 byte-order mark so the first column is still "id"', () => {
    expect(
      read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,A\n')])).columns,
    ).toEqual(['id', 'name']);
  });

  it('refuses an empty or binary file naming the file', () => {
    expect(() => decodeInput(new Uint8Array(), 'x.csv')).toThrow(/x\.csv:1: the file is empty/);
    expect(() => decodeInput(Buffer.from('id,name\n1,A\0B\n'), 'x.csv')).toThrow(
      /x\.csv:2: the file holds NUL bytes/,
    );
  });
});

describe('readRecords', () => {
  it('a CRLF file with LF rows appended keeps every row on its own line', () => {
    const input = read('id,name\r\n1,Ana Lopez\r\n2,Luis Diaz\n3,Rosa Ruiz\n4,Juan Gil\r\n');
    expect(values(input.records)).toEqual([
      { id: '1', name: 'Ana Lopez' },
      { id: '2', name: 'Luis Diaz' },
      { id: '3', name: 'Rosa Ruiz' },
      { id: '4', name: 'Juan Gil' },
    ]);
    expect(input.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(input.warnings[0]).toMatch(/mixed line ends \(CRLF, LF\)/);
  });

  it('reads .tsv with tabs, and a semicolon CSV by its header', () => {
    expect(values(read('id\tname\tcountry\n1\tGarcia, Ana\tMX\n', 'c.tsv').records)).toEqual([
      { id: '1', name: 'Garcia, Ana', country: 'MX' },
    ]);
    const semicolons = read('id;name\n1;Perez, Juan\n');
    expect(semicolons.delimiter).toBe(';');
    expect(values(semicolons.records)).toEqual([{ id: '1', name: 'Perez, Juan' }]);
  });

  it('reads a JSON array, every element with the line it starts on', () => {
    const input = read(
      '[\n  {"id": "1", "name": "A"},\n  {"id": "2",\n   "name": "B"},\n  "oops"\n]\n',
      'c.json',
    );
    expect(input.format).toBe('json');
    expect(input.records.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(values(input.records)).toEqual([
      { id: '1', name: 'A' },
      { id: '2', name: 'B' },
      { line: 5, field: 'row', reason: 'expected a JSON object' },
    ]);
  });

  it('rejects a repeated id naming the first line, or only flags it', () => {
    const input = read('id,name\n7,A\n8,B\n7,C\n');
    expect(values(input.records)[2]).toEqual({
      line: 4,
      id: '7',
      field: 'id',
      reason: 'duplicate id "7" (first on line 2)',
    });
    const flagged = readRecords('id,name\n7,A\n7,C\n', 'x.csv', { idColumn: 'id', duplicateIds: 'flag' });
    expect(flagged.records.every((r) => 'values' in r)).toBe(true);
    expect(flagged.warnings).toEqual(['x.csv: 1 rows repeat an id already used on an earlier row']);
  });

  it('a multi-line quoted field keeps the start line of its row; a short row is rejected, not merged', () => {
    const input = read('id,name,note\n1,A,"two\nlines"\n2,B\n3,C,x\n');
    expect(input.records.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(values(input.records)[1]).toEqual({
      line: 4,
      field: 'row',
      reason: 'has 2 fields, the header has 3',
    });
  });

  it('a missing required column is an error for the whole file naming the column', () => {
    expect(() => read('id,nombre\n1,A\n')).toThrow(/customers\.csv:1: field "name": missing required column/);
  });
});

/** Any bytes give records or an InputError naming the file — never another exception or a hang. */
describe('input decoder on any bytes (property)', () => {
  const template = Buffer.from('id,name,country\r\n1,"Pérez, Ana",MX\n2,Zambada\t"x",US\r\n');
  const mutated = fc
    .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat())
    .map(([edits, cut]) => {
      const b = Buffer.from(template);
      for (const [at, byte] of edits) b[at % b.length] = byte;
      return b.subarray(0, cut % (b.length + 1));
    });
  const files = ['in.csv', 'in.tsv', 'in.json', 'in.jsonl', 'in.txt'];

  it('gives records or an InputError for random and mutated bytes in every format', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), mutated),
        fc.constantFrom(...files),
        (bytes, file) => {
          try {
            const input = readInputFile(file, { required: ['id'], idColumn: 'id' }, bytes);
            for (const r of input.records) {
              expect(r.line).toBeGreaterThanOrEqual(1);
              if ('reject' in r) expect(r.reject.reason.length).toBeGreaterThan(0);
            }
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            expect(error.file).toBe(file);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('any text written as CSV rows reads back as the same rows, whatever the line ends', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n\0\uFEFF]/g, ' '));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, eol) => {
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text =
            ['id,name', ...rows.map(([a, b], i) => `${quote(`${i}${a}`)},${quote(b)}`)].join(eol) + eol;
          const input = readInputFile('x.csv', {}, Buffer.from(text));
          expect(values(input.records)).toEqual(rows.map(([a, b], i) => ({ id: `${i}${a}`, name: b })));
        },
      ),
      { numRuns: 300 },
    );
  });
});
