/**
 * `sentinela screen` in-process on a store with the test list: one name (text and JSON, qualifiers,
 * no match, a malformed qualifier, an empty store), a file (CSV and JSON lines, rejects, a missing
 * column, a missing file) and reviewed false positives honoured by later screenings.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../shared/cli-errors.js';
import { cliRunner } from '../shared/testing/run-cli.js';
import { saveTestList, tempScreeningStore } from '../shared/testing/screening-test-store.js';
import * as screenCommand from './screen-command.js';

let dir: string;
let db: string;
beforeAll(async () => ({ dir, db } = await tempScreeningStore('screen')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `sentinela screen …` in-process: what it writes, or a rejection with what it threw. */
const screen = cliRunner([screenCommand], ['screen']);

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('sentinela screen NAME', () => {
  it('prints matches with score and explanation', async () => {
    const { out } = await screen('Joaquin Guzman', '--db', db);
    expect(out).toMatch(/MATCH\s+test-list:P1\s+GUZMAN LOERA, Joaquin/);
    expect(out).toMatch(/name-part/);
  });

  it('gives JSON with qualifiers, threshold and limit', async () => {
    const { out } = await screen(
      'Joaquin Guzman',
      '--db',
      db,
      '--json',
      '--birth-date',
      '1957-04-04',
      '--limit',
      '1',
    );
    const result = JSON.parse(out);
    expect(result.query.birthDate).toBe('1957-04-04');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ entity_id: 'P1', list: 'test-list', match: true });
    expect(result.matches[0].explanation.length).toBeGreaterThan(0);
  });

  it('says so when nothing matches, and --exhaustive agrees', async () => {
    expect((await screen('Tomasz Kowalski', '--db', db)).out).toMatch(/No match/);
    expect((await screen('Tomasz Kowalski', '--db', db, '--exhaustive')).out).toMatch(/No match/);
  });

  it('rejects a malformed qualifier with the flag name', async () => {
    await expect(screen('Joaquin Guzman', '--db', db, '--birth-date', '04/04/1957')).rejects.toThrow(
      /--birth-date/,
    );
  });

  it('tells the user to import lists when the store is empty', async () => {
    const empty = join(dir, 'empty.sqlite');
    const error = await screen('Joaquin Guzman', '--db', empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/sentinela lists import/);
  });
});

describe('sentinela screen --input', () => {
  it('screens a CSV file: one output line per input row, in order, rejects reported', async () => {
    const input = file(
      'parties.csv',
      [
        'id,name,birth_date,country,gender',
        'c1,Joaquin Guzman,1957,MX,M',
        'c2,Tomasz Kowalski,,PL,other',
        'c3,,1980,MX,',
        'c4,Caribbean Trading Ltd,not-a-date,,',
        'c5,"Zambada Garcia, Ismael",,,',
      ].join('\n'),
    );
    const output = join(dir, 'out.jsonl');
    const rejects = join(dir, 'rejects.jsonl');
    const { err } = await screen('--input', input, '--output', output, '--rejects', rejects, '--db', db);
    const rows = jsonLines(readFileSync(output, 'utf8'));
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(rows[0].matches[0]).toMatchObject({ entity_id: 'P1', list: 'test-list', match: true });
    expect(rows[0].matches[0]).toHaveProperty('explanation');
    expect(rows[1].matches).toEqual([]);
    expect(rows[4].matches[0].entity_id).toBe('P2');
    const rejected = jsonLines(readFileSync(rejects, 'utf8'));
    expect(rejected).toEqual([
      { line: 4, id: 'c3', field: 'name', reason: 'required value is empty' },
      expect.objectContaining({ line: 5, id: 'c4', field: 'birth_date' }),
    ]);
    expect(err).toMatch(/parties\.csv:4: field "name"/);
    expect(err).toMatch(/rows read 5, screened 3, rejected 2, alerts 2/);
  });

  it('screens JSON lines on real worker threads and writes to stdout without --output', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify(
        i % 3 === 0
          ? { id: `j${i}`, name: 'CJNG' }
          : { id: `j${i}`, name: 'Blue Harbour Bakery', schema: 'Company' },
      ),
    );
    lines.splice(10, 0, '{"id": "broken"');
    const input = file('parties.jsonl', `${lines.join('\n')}\n`);
    const { out, err } = await screen('--input', input, '--workers', '2', '--db', db);
    const rows = jsonLines(out);
    expect(rows).toHaveLength(61);
    expect(rows[10].rejected.field).toBe('row');
    expect(rows[0]).toMatchObject({ id: 'j0' });
    expect(rows[0].matches[0].entity_id).toBe('C2');
    expect(rows[1].matches).toEqual([]);
    expect(err).toMatch(/rows read 61, screened 60, rejected 1, alerts 20/);
    expect(err).toMatch(/2 workers/);
  });

  it('fails the whole file when a required column is missing', async () => {
    const input = file('no-name.csv', 'id,full_name\n1,Juan Perez\n');
    await expect(screen('--input', input, '--db', db)).rejects.toThrow(
      /no-name\.csv:1: field "name": missing required column/,
    );
  });

  it('fails when the input file cannot be read', async () => {
    await expect(screen('--input', join(dir, 'absent.csv'), '--db', db)).rejects.toThrow(/file not found/);
  });
});

describe('sentinela screen review', () => {
  it('records a reviewed false positive that later screenings honour', async () => {
    const reviewDb = join(dir, 'review.sqlite');
    await saveTestList(reviewDb);
    const name = 'Maria Fernanda Garcia Lopez';
    expect((await screen(name, '--db', reviewDb, '--json')).out).toMatch(/"entity_id":"P4"/);
    const { out } = await screen(
      'review',
      '--query',
      name,
      '--entity',
      'test-list:P4',
      '--reason',
      'different person: other passport',
      '--analyst',
      'ana',
      '--db',
      reviewDb,
    );
    expect(out).toMatch(/Recorded/);
    expect((await screen(name, '--db', reviewDb, '--json')).out).not.toMatch(/"entity_id":"P4"/);
    expect((await screen('reviews', '--db', reviewDb)).out).toMatch(
      /ana: "Maria Fernanda Garcia Lopez" is not test-list:P4/,
    );
  });

  it('refuses an entity reference that is not LIST:ID or not in the store', async () => {
    const args = ['--query', 'x', '--reason', 'r', '--analyst', 'a', '--db', db];
    await expect(screen('review', '--entity', 'P4', ...args)).rejects.toThrow(/LIST:ID/);
    await expect(screen('review', '--entity', 'test-list:NOPE', ...args)).rejects.toThrow(/no entity NOPE/);
  });
});
