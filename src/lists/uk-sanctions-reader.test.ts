/**
 * The UK Sanctions List reader: the FCDO's CSV (one row per name and address), its ODS (built here
 * with fflate, the same way a spreadsheet program writes one), format detection, and broken files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { readCsvRows } from '../input/index.js';
import { detectListFormat, readList } from './index.js';
import { odsRows } from './ods-rows.js';
import { ukDate } from './uk-entity.js';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'sentinela-uk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHARED_ODS = resolve(
  import.meta.dirname,
  '../../../shared/data/sanctions/uk_sanctions_list_2025-08-11/UK_Sanctions_List_2025-08-11.ods',
);

/** A minimal .ods holding `rows` (cell texts) in its first sheet, as LibreOffice or Excel write it. */
function writeOds(
  name: string,
  rows: string[][],
  options: { mimetype?: string; content?: string } = {},
): string {
  const cell = (text: string) =>
    `<table:table-cell office:value-type="string"><text:p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text:p></table:table-cell>`;
  const body = rows
    .map(
      (r) =>
        `<table:table-row>${r.map(cell).join('')}<table:table-cell table:number-columns-repeated="16376"/></table:table-row>`,
    )
    .join('');
  const content =
    options.content ??
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="UK_Sanction_List">${body}<table:table-row table:number-rows-repeated="1043268"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  const path = join(dir, name);
  writeFileSync(
    path,
    zipSync({
      mimetype: [strToU8(options.mimetype ?? 'application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
    }),
  );
  return path;
}

const SUMMARY_HEADER = [
  'Unique ID',
  'OFSI Group ID',
  'Name',
  'Regime Name',
  'Type',
  'Designation source',
  'Date Designated',
  'Sanctions Imposed',
];

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('UK Sanctions List CSV', () => {
  it('groups the rows of a designation into one entity with every name, address and identifier', async () => {
    const list = await readList([fixture('uk-sample.csv')]);
    expect(list).toMatchObject({
      list: 'uk-sanctions-list',
      format: 'uk-sanctions',
      publishedAt: '2025-08-11',
    });
    expect(list.entities.map((e) => [e.id, e.schema])).toEqual([
      ['CTI0901', 'Person'],
      ['RUS9001', 'Organization'],
      ['RUS9002', 'Vessel'],
    ]);
    const person = list.entities[0]!;
    expect(person.names).toEqual([
      {
        full: 'Ernesto Javier RAMIREZ SOTO',
        kind: 'primary',
        given: 'Ernesto Javier',
        family: 'RAMIREZ SOTO',
      },
      { full: 'Эрнесто Рамирес', kind: 'original-script' },
      { full: 'Neto SOTO', kind: 'weak', given: 'Neto', family: 'SOTO' },
      { full: 'Ernesto RAMIRES SOTO', kind: 'strong', given: 'Ernesto', family: 'RAMIRES SOTO' },
    ]);
    expect(person).toMatchObject({
      birthDates: ['1975'],
      nationalities: ['Mexico'],
      birthPlaces: ['Culiacan, Mexico'],
      gender: 'male',
      countries: ['Mexico'],
      programs: ['Counter-Terrorism (International)'],
      identifiers: [{ type: 'passport', value: 'G12345678', label: 'Passport: Mexican passport' }],
    });
    expect(person.addresses.map((a) => a.full)).toEqual([
      'Calle Falsa 123, Culiacan, Sinaloa, Mexico',
      'Av. Reforma 500, Ciudad de Mexico, 06600, Mexico',
    ]);
    expect(person.attributes).toMatchObject({
      listedOn: ['2023-11-14'],
      sanctionsImposed: ['Asset freeze|Travel Ban'],
      ofsiGroupId: ['90001'],
      title: ['Mr'],
    });
    const company = list.entities[1]!;
    expect(company.names.map((n) => [n.full, n.kind])).toEqual([
      ['NORTHERN PRECURSOR TRADING LLC', 'primary'],
      ['NPT LLC', 'strong'],
    ]);
    expect(company.identifiers.map((i) => i.type)).toEqual(['registration', 'website']);
    expect(company.attributes.otherInformation).toEqual([
      'Invented test designation, "quoted", with a comma',
    ]);
    const ship = list.entities[2]!;
    expect(ship.identifiers).toEqual([{ type: 'imo', value: '9123456', label: 'IMO number' }]);
    expect(ship.countries).toEqual(['Gabon']);
    expect(ship.attributes.vesselType).toEqual(['Crude oil tanker']);
  });

  it('is detected from its first line', async () => {
    expect(await detectListFormat([fixture('uk-sample.csv')])).toBe('uk-sanctions');
    // A custom CSV with id,name is still a custom CSV.
    expect(await detectListFormat([fixture('custom-sample.csv')])).toBe('csv');
  });

  it('names the line and column of an unknown designation type', async () => {
    const error = await rejection(readList([fixture('uk-bad-type.csv')]));
    expect(error).toMatchObject({ file: fixture('uk-bad-type.csv'), line: 4, field: 'Designation Type' });
    expect(error.reason).toMatch(/unknown designation type "Aircraft"/);
  });

  it('names the line of a row without a Unique ID', async () => {
    const error = await rejection(readList([fixture('uk-missing-id.csv')]));
    expect(error).toMatchObject({ line: 4, field: 'Unique ID' });
  });

  it('rejects a CSV without the UK columns when told it is one', async () => {
    const error = await rejection(readList([fixture('custom-sample.csv')], { format: 'uk-sanctions' }));
    expect(error).toMatchObject({ line: 1, field: 'Unique ID' });
    expect(error.reason).toMatch(/not a UK Sanctions List file/);
  });

  it('rejects a row wider than the header', async () => {
    const path = join(dir, 'wide.csv');
    writeFileSync(path, 'Unique ID,Name 6,Designation Type\nA1,SOMEONE,Individual,extra\n');
    const error = await rejection(readList([path], { format: 'uk-sanctions' }));
    expect(error).toMatchObject({ line: 2, field: 'column 4' });
  });
});

describe('UK Sanctions List ODS', () => {
  it('reads the summary layout; the spreadsheet row is the line of an error', async () => {
    const path = writeOds('summary.ods', [
      SUMMARY_HEADER,
      [
        'AFG9001',
        '12703',
        'EXAMPLE MONEY EXCHANGE & CO',
        'Afghanistan',
        'Entity',
        'UN',
        '29-06-2012',
        'Asset freeze',
      ],
      [
        'RUS9003',
        '',
        'ZAKHAROV Nikita Aleksandrovich',
        'Russia',
        'Individual',
        'UK',
        '06-12-2023',
        'Asset freeze, Travel Ban',
      ],
    ]);
    expect(await detectListFormat([path])).toBe('uk-sanctions');
    const list = await readList([path]);
    expect(list.entities.map((e) => [e.id, e.schema, e.names[0]?.full, e.attributes.listedOn?.[0]])).toEqual([
      ['AFG9001', 'Organization', 'EXAMPLE MONEY EXCHANGE & CO', '2012-06-29'],
      ['RUS9003', 'Person', 'ZAKHAROV Nikita Aleksandrovich', '2023-12-06'],
    ]);
    const bad = writeOds('bad-type.ods', [
      SUMMARY_HEADER,
      ['X1', '', 'SOMEONE', 'Russia', 'Company', 'UK', '', ''],
    ]);
    const error = await rejection(readList([bad]));
    expect(error).toMatchObject({ file: bad, line: 2, field: 'Type' });
  });

  it('rejects a damaged archive, an archive that is not a spreadsheet, and malformed content', async () => {
    const good = readFileSync(writeOds('good.ods', [SUMMARY_HEADER]));
    const truncated = join(dir, 'truncated.ods');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    expect((await rejection(readList([truncated]))).reason).toMatch(
      /damaged spreadsheet archive|no content\.xml/,
    );
    const docx = writeOds('text.ods', [SUMMARY_HEADER], {
      mimetype: 'application/vnd.oasis.opendocument.text',
    });
    expect((await rejection(readList([docx], { format: 'uk-sanctions' }))).reason).toMatch(
      /not an OpenDocument spreadsheet/,
    );
    const broken = writeOds('broken.ods', [], {
      content: '<office:document-content><table:table><table:table-row>',
    });
    expect((await rejection(readList([broken]))).reason).toMatch(/malformed spreadsheet XML/);
  });

  it('expands repeated cells and keeps spaces written as <text:s>', () => {
    const content =
      '<r xmlns:table="t" xmlns:text="x" xmlns:office="o"><table:table><table:table-row><table:table-cell><text:p>A<text:s text:c="2"/>B</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="42"/></table:table-row></table:table></r>';
    const bytes = zipSync({ 'content.xml': strToU8(content) });
    expect(odsRows(bytes, 'x.ods')).toEqual([{ line: 1, cells: ['A  B', 'x', 'x', '42'] }]);
  });
});

describe('UK dates', () => {
  it('reads day-first dates with unknown parts as 00', () => {
    expect(
      ['29/06/2012', '29-06-2012', '00/00/1975', '00/03/1975', '1975', '31/13/2000', 'circa 1970'].map(
        ukDate,
      ),
    ).toEqual(['2012-06-29', '2012-06-29', '1975', '1975-03', '1975', undefined, undefined]);
  });

  it('keeps a DOB that is not a date as a note, with a warning', async () => {
    const path = join(dir, 'dob.csv');
    writeFileSync(
      path,
      'Unique ID,Name 6,Name 1,Name type,Designation Type,D.O.B\nA1,DOE,John,Primary Name,Individual,circa 1970\n',
    );
    const list = await readList([path]);
    expect(list.entities[0]?.attributes.birthDateNote).toEqual(['circa 1970']);
    expect(list.warnings).toEqual([`${path}:2: D.O.B "circa 1970" is not a date; kept as a note`]);
    expect(readCsvRows(readFileSync(path, 'utf8'), path)).toHaveLength(2);
  });
});

describe.skipIf(!existsSync(SHARED_ODS))('the published UK Sanctions List of 2025-08-11 (../shared)', () => {
  it('reads every designation of the ODS', async () => {
    const list = await readList([SHARED_ODS]);
    // 5,302 designations; two (BEL0174, RUS1467) have an empty Name cell and are left out, with a warning each.
    expect(list.entities).toHaveLength(5300);
    expect(list.warnings).toHaveLength(2);
    expect(list.warnings[0]).toMatch(/:649: designation BEL0174 has no name; left out/);
    const bySchema = new Map<string, number>();
    for (const e of list.entities) bySchema.set(e.schema, (bySchema.get(e.schema) ?? 0) + 1);
    expect(Object.fromEntries(bySchema)).toEqual({ Organization: 1087, Person: 3752, Vessel: 461 });
    expect(list.entities.find((e) => e.id === 'AFG0003')).toMatchObject({
      schema: 'Organization',
      names: [{ full: 'HAQQANI NETWORK (HQN)', kind: 'primary' }],
      programs: ['Afghanistan'],
      attributes: { ofsiGroupId: ['12811'], designationSource: ['UN'], listedOn: ['2012-11-05'] },
    });
  });
});
if (!existsSync(SHARED_ODS)) console.warn(`skipped: ${SHARED_ODS} not found (../shared data absent)`);
