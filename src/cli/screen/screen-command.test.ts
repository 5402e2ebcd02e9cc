import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEntities } from '../../screening/screener-test-entities.js';
import { openStores } from '../../store/index.js';
import { CliError } from '../shared/cli-errors.js';
import { register } from './screen-command.js';

let dir: string;
let db: string;

/** Runs `sentinela screen …` in-process and captures what it writes. */
async function screen(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('sentinela').exitOverride().enablePositionalOptions();
    register(program);
    await program.parseAsync(['node', 'sentinela', 'screen', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { stdout: out.join(''), stderr: err.join('') };
}

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

/** A store file holding the test entities as one list version. */
async function storeWithTestList(path: string): Promise<void> {
  const stores = await openStores(path);
  await stores.lists.saveVersion({ list: 'test-list', format: 'csv', files: [], entities: testEntities });
  await stores.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-screen-'));
  db = join(dir, 'lists.sqlite');
  await storeWithTestList(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('sentinela screen NAME', () => {
  it('prints matches with score and explanation', async () => {
    const { stdout } = await screen('Joaquin Guzman', '--db', db);
    expect(stdout).toMatch(/MATCH\s+test-list:P1\s+GUZMAN LOERA, Joaquin/);
    expect(stdout).toMatch(/name-part/);
  });

  it('gives JSON with qualifiers, threshold and limit', async () => {
    const { stdout } = await screen(
      'Joaquin Guzman',
      '--db',
      db,
      '--json',
      '--birth-date',
      '1957-04-04',
      '--limit',
      '1',
    );
    const result = JSON.parse(stdout);
    expect(result.query.birthDate).toBe('1957-04-04');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ entity_id: 'P1', list: 'test-list', match: true });
    expect(result.matches[0].explanation.length).toBeGreaterThan(0);
  });

  it('says so when nothing matches, and --exhaustive agrees', async () => {
    expect((await screen('Tomasz Kowalski', '--db', db)).stdout).toMatch(/No match/);
    expect((await screen('Tomasz Kowalski', '--db', db, '--exhaustive')).stdout).toMatch(/No match/);
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
    const { stderr } = await screen('--input', input, '--output', output, '--rejects', rejects, '--db', db);
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
    expect(stderr).toMatch(/parties\.csv:4: field "name"/);
    expect(stderr).toMatch(/rows read 5, screened 3, rejected 2, alerts 2/);
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
    const { stdout, stderr } = await screen('--input', input, '--workers', '2', '--db', db);
    const rows = jsonLines(stdout);
    expect(rows).toHaveLength(61);
    expect(rows[10].rejected.field).toBe('row');
    expect(rows[0]).toMatchObject({ id: 'j0' });
    expect(rows[0].matches[0].entity_id).toBe('C2');
    expect(rows[1].matches).toEqual([]);
    expect(stderr).toMatch(/rows read 61, screened 60, rejected 1, alerts 20/);
    expect(stderr).toMatch(/2 workers/);
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
    await storeWithTestList(reviewDb);
    const name = 'Maria Fernanda Garcia Lopez';
    expect((await screen(name, '--db', reviewDb, '--json')).stdout).toMatch(/"entity_id":"P4"/);
    const { stdout } = await screen(
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
    expect(stdout).toMatch(/Recorded/);
    expect((await screen(name, '--db', reviewDb, '--json')).stdout).not.toMatch(/"entity_id":"P4"/);
    expect((await screen('reviews', '--db', reviewDb)).stdout).toMatch(
      /ana: "Maria Fernanda Garcia Lopez" is not test-list:P4/,
    );
  });

  it('refuses an entity reference that is not LIST:ID or not in the store', async () => {
    const args = ['--query', 'x', '--reason', 'r', '--analyst', 'a', '--db', db];
    await expect(screen('review', '--entity', 'P4', ...args)).rejects.toThrow(/LIST:ID/);
    await expect(screen('review', '--entity', 'test-list:NOPE', ...args)).rejects.toThrow(/no entity NOPE/);
  });
});
