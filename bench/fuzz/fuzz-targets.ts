/**
 * What the fuzzers feed each reader: a seed file (a small valid sample) mutated byte by byte, cut
 * short, spliced with markup, or replaced by random bytes. Shared by the property tests beside
 * the readers (a few hundred cases each) and `npm run bench:fuzz` (thousands). The one property:
 * any bytes give entities or an InputError naming the file — never another exception or a hang.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { ListFormat } from '../../src/core/index.js';
import { InputError } from '../../src/core/input-error.js';
import { readInputFile } from '../../src/input/index.js';
import { readList } from '../../src/lists/index.js';

const fixtures = resolve(import.meta.dirname, '../../../src/lists/fixtures');
const fixturesFromSource = resolve(import.meta.dirname, '../../src/lists/fixtures');

function fixture(name: string): Uint8Array {
  for (const dir of [fixturesFromSource, fixtures]) {
    try {
      return readFileSync(join(dir, name));
    } catch {}
  }
  throw new Error(`fuzz seed ${name} not found under src/lists/fixtures`);
}

/** The content.xml of a minimal OpenDocument spreadsheet with the UK list's header and one row. */
function odsContentSeed(): Uint8Array {
  const cell = (t: string) =>
    `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const row = (cells: string[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
  const csv = Buffer.from(fixture('uk-sample.csv')).toString('utf8').split(/\r?\n/);
  const header = (csv[1] ?? '').split(',');
  const first = (csv[2] ?? '').split(',');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
    `<office:body><office:spreadsheet><table:table table:name="s">${row([csv[0] ?? ''])}${row(header)}${row(first)}` +
    '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"/></table:table-row>' +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  return strToU8(xml);
}

/** Zips a (possibly damaged) content.xml as an .ods, so the damage reaches the sheet reader. */
function zipOds(content: Uint8Array): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': content,
  });
}

/** One file set a reader takes: the file names and the seed bytes of each. */
export interface FuzzTarget {
  name: string;
  format?: ListFormat;
  files: { name: string; seed: Uint8Array; encode?: (bytes: Uint8Array) => Uint8Array }[];
  /** Reads the files in `dir`; resolves to the entity (or row) count. */
  read(dir: string, names: string[]): Promise<number>;
}

const listReader =
  (format: ListFormat) =>
  async (dir: string, names: string[]): Promise<number> =>
    (
      await readList(
        names.map((n) => join(dir, n)),
        { format },
      )
    ).entities.length;

export function fuzzTargets(): FuzzTarget[] {
  return [
    {
      name: 'ofac-csv',
      format: 'ofac-csv',
      files: ['sdn.csv', 'alt.csv', 'add.csv'].map((n) => ({ name: n, seed: fixture(`ofac-sample/${n}`) })),
      read: listReader('ofac-csv'),
    },
    {
      name: 'un-xml',
      format: 'un-xml',
      files: [{ name: 'un.xml', seed: fixture('un-sample.xml') }],
      read: listReader('un-xml'),
    },
    {
      name: 'uk-sanctions-csv',
      format: 'uk-sanctions',
      files: [{ name: 'uk.csv', seed: fixture('uk-sample.csv') }],
      read: listReader('uk-sanctions'),
    },
    {
      name: 'uk-sanctions-ods',
      format: 'uk-sanctions',
      files: [{ name: 'uk.ods', seed: odsContentSeed(), encode: zipOds }],
      read: listReader('uk-sanctions'),
    },
    {
      name: 'ftm-json',
      format: 'ftm-json',
      files: [{ name: 'ftm.jsonl', seed: fixture('ftm-sample.jsonl') }],
      read: listReader('ftm-json'),
    },
    {
      name: 'custom-csv',
      format: 'csv',
      files: [{ name: 'list.csv', seed: fixture('custom-sample.csv') }],
      read: listReader('csv'),
    },
    {
      name: 'input-decoder',
      files: [
        {
          name: 'customers.csv',
          seed: Buffer.from(
            'id,name,country\r\n1,"Pérez, Ana",MX\n2,"Zambada ""El Mayo""",US\r\n3,Muñoz\tx,CO\n',
          ),
        },
      ],
      read: async (dir, names) => {
        const name = names[0]!;
        const input = readInputFile(join(dir, name), { required: ['id'], idColumn: 'id' });
        return input.records.length;
      },
    },
  ];
}

/** Seed bytes changed: bytes overwritten, inserted or deleted, markup spliced in, cut short. */
export function mutatedBytes(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  const splice = fc.constantFrom(
    '"',
    '""',
    ',',
    '\r',
    '\n',
    '\r\n',
    '\0',
    '<',
    '>',
    '</',
    '<!--',
    ']]>',
    '&amp;',
    '&#0;',
    '{',
    '}',
    '[',
    ']',
    '\\',
    '\uFEFF',
    '\u202E',
    'é',
    '\xff\xfe',
    '-0-',
    '9999999999999999999',
    '-1',
    'NaN',
    'null',
    'table:number-rows-repeated="99999999"',
    'table:number-columns-repeated="99999999"',
  );
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: splice }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  );
  return fc
    .tuple(
      fc.array(edit, { minLength: 1, maxLength: 3 }),
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    )
    .map(([edits, cut]) => {
      let bytes = Buffer.from(seed);
      for (const e of edits) {
        const at = e.at % (bytes.length + 1);
        if (e.kind === 'set' && bytes.length > 0) bytes[at % bytes.length] = e.byte;
        else if (e.kind === 'insert')
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.text, 'latin1'), bytes.subarray(at)]);
        else if (e.kind === 'delete')
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
      }
      return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    });
}

/** One case: which file of the set is damaged, and its bytes. */
export function fuzzCase(target: FuzzTarget): fc.Arbitrary<{ file: number; bytes: Uint8Array }> {
  return fc.integer({ min: 0, max: target.files.length - 1 }).chain((file) =>
    fc.record({
      file: fc.constant(file),
      bytes: fc.oneof(
        { weight: 4, arbitrary: mutatedBytes(target.files[file]!.seed) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
      ),
    }),
  );
}

export type FuzzOutcome = 'entities' | 'input-error';

/**
 * Writes the case's files to a fresh folder and reads them. Resolves to what the reader did;
 * rejects with the unexpected error (a crash) otherwise.
 */
export async function runFuzzCase(
  target: FuzzTarget,
  c: { file: number; bytes: Uint8Array },
  root: string,
): Promise<FuzzOutcome> {
  const dir = mkdtempSync(join(root, `${target.name}-`));
  try {
    const names = target.files.map((f, i) => {
      const bytes = i === c.file ? c.bytes : f.seed;
      writeFileSync(join(dir, f.name), f.encode ? f.encode(bytes) : bytes);
      return f.name;
    });
    try {
      await target.read(dir, names);
      return 'entities';
    } catch (error) {
      if (error instanceof InputError && error.file !== undefined && error.message.length > 0)
        return 'input-error';
      throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scratch folder for the cases of one run. */
export function fuzzScratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'sentinela-fuzz-'));
  mkdirSync(root, { recursive: true });
  return root;
}
