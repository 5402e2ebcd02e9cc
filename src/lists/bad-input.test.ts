/**
 * Every kind of broken list file gives an InputError naming file, line and field, and no result.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { readList } from './index.js';

const fixture = (...parts: string[]) => resolve(import.meta.dirname, 'fixtures', ...parts);

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('bad OFAC CSV input', () => {
  it('names the row with the wrong column count and the first missing column', async () => {
    const error = await rejection(readList([fixture('ofac-bad-columns')]));
    expect(error).toMatchObject({ file: fixture('ofac-bad-columns', 'sdn.csv'), line: 2, field: 'Tonnage' });
    expect(error.message).toMatch(/sdn\.csv:2: field "Tonnage": row has 7 columns, expected 12/);
  });

  it('names the line where an unclosed quote opens', async () => {
    const error = await rejection(readList([fixture('ofac-unclosed-quote')]));
    expect(error.file).toBe(fixture('ofac-unclosed-quote', 'sdn.csv'));
    expect(error.line).toBe(2);
    expect(error.field).toMatch(/^column \d+$/);
  });

  it('rejects an ent_num that is not a number', async () => {
    const error = await rejection(readList([fixture('ofac-bad-entnum')]));
    expect(error).toMatchObject({ line: 2, field: 'ent_num' });
  });

  it('rejects a file in an OFAC folder that is not an OFAC file', async () => {
    const error = await rejection(readList([fixture('ofac-unknown-file')]));
    expect(error.file).toBe(fixture('ofac-unknown-file', 'notes.txt'));
    expect(error.reason).toMatch(/not an OFAC list file/);
  });

  it('rejects an empty file (a lone end-of-file byte)', async () => {
    const error = await rejection(readList([fixture('ofac-empty')], { format: 'ofac-csv' }));
    expect(error).toMatchObject({ file: fixture('ofac-empty', 'sdn.csv'), line: 1, reason: 'file is empty' });
  });

  it('rejects alias files with no primary file', async () => {
    const error = await rejection(readList([fixture('ofac-sample', 'alt.csv')], { format: 'ofac-csv' }));
    expect(error.reason).toMatch(/no primary file/);
  });
});

describe('bad UN XML input', () => {
  it('rejects a truncated file with the line where it ends', async () => {
    const error = await rejection(readList([fixture('un-truncated.xml')], { format: 'un-xml' }));
    expect(error.file).toBe(fixture('un-truncated.xml'));
    expect(error.line).toBeGreaterThanOrEqual(20);
    expect(error.reason).toMatch(/malformed XML/);
    expect(error.field).toMatch(/^ENTITY/);
  });

  it('rejects bytes that are not UTF-8, at their line', async () => {
    const error = await rejection(readList([fixture('un-invalid-utf8.xml')]));
    expect(error).toMatchObject({ file: fixture('un-invalid-utf8.xml'), line: 25 });
    expect(error.reason).toMatch(/invalid UTF-8 byte 0xe9/);
  });

  it('rejects an empty file', async () => {
    const error = await rejection(readList([fixture('empty.xml')], { format: 'un-xml' }));
    expect(error).toMatchObject({ line: 1, reason: 'file is empty' });
  });
});

describe('bad FtM JSON input', () => {
  it('names the line that is not JSON', async () => {
    const error = await rejection(readList([fixture('ftm-bad-json.jsonl')]));
    expect(error).toMatchObject({ file: fixture('ftm-bad-json.jsonl'), line: 2, field: 'json' });
  });

  it('rejects an entity with no name', async () => {
    const error = await rejection(readList([fixture('ftm-no-name.jsonl')]));
    expect(error).toMatchObject({ line: 1, field: 'properties.name' });
  });
});

describe('bad in-house CSV input', () => {
  it('names a missing required column', async () => {
    const error = await rejection(readList([fixture('custom-missing-column.csv')], { format: 'csv' }));
    expect(error).toMatchObject({ file: fixture('custom-missing-column.csv'), line: 1, field: 'name' });
  });

  it('names a malformed date', async () => {
    const error = await rejection(readList([fixture('custom-bad-date.csv')]));
    expect(error).toMatchObject({ line: 2, field: 'birth_date' });
  });

  it('names a row with an extra column', async () => {
    const error = await rejection(readList([fixture('custom-bad-row.csv')]));
    expect(error).toMatchObject({ line: 3 });
    expect(error.reason).toMatch(/row has 4 columns, the header has 3/);
  });

  it('rejects Latin-1 bytes: in-house CSVs must be UTF-8', async () => {
    const error = await rejection(readList([fixture('custom-bad-encoding.csv')]));
    expect(error).toMatchObject({ line: 2 });
    expect(error.reason).toMatch(/invalid UTF-8/);
  });

  it('rejects an id used twice in one file', async () => {
    const error = await rejection(readList([fixture('custom-duplicate-id.csv')]));
    expect(error).toMatchObject({ line: 3, field: 'id' });
  });
});
