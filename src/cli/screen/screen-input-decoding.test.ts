/**
 * `screen --input` on the files customers actually send: each case once hid a listed person or
 * merged rows with exit 0 — Windows-1252 bytes, UTF-16 from Excel, CRLF with LF rows appended,
 * .tsv read as commas, a JSON array, a repeated id. Every row is screened or rejected and said so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEntities } from '../../screening/screener-test-entities.js';
import { openStores } from '../../store/index.js';
import { register } from './screen-command.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-screen-input-'));
  db = join(dir, 'lists.sqlite');
  const stores = await openStores(db);
  await stores.lists.saveVersion({ list: 'test-list', format: 'csv', files: [], entities: testEntities });
  await stores.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function screenFile(name: string, bytes: Uint8Array | string) {
  const input = join(dir, name);
  const output = join(dir, `${name}.out.jsonl`);
  writeFileSync(input, bytes);
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const program = new Command('sentinela').exitOverride().enablePositionalOptions();
    register(program);
    await program.parseAsync([
      'node',
      'sentinela',
      'screen',
      '--input',
      input,
      '--output',
      output,
      '--db',
      db,
      '--no-store',
    ]);
  } finally {
    vi.restoreAllMocks();
  }
  const results = readFileSync(output, 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string | null;
          matches: { entityId: string }[];
          rejected?: { reason: string };
        },
    );
  return { results, stderr, matched: (id: string) => results.find((r) => r.id === id)?.matches.length ?? 0 };
}

describe('screen --input decoding', () => {
  it('a Windows-1252 file finds the listed person and warns naming the file and line', async () => {
    const run = await screenFile(
      'win.csv',
      iconv.encode('id,name\n1,Ana Ruiz\n2,Joaquín Guzmán Loera\n', 'win1252'),
    );
    expect(run.matched('2')).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/warning: .*win\.csv:3: not valid UTF-8.*Windows-1252/);
  });

  it('UTF-16 from Excel reads its header and rows', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('id\tname\r\n7\tIsmael Zambada Garcia\r\n', 'utf16le'),
    ]);
    const run = await screenFile('excel.txt', bytes);
    expect(run.matched('7')).toBeGreaterThan(0);
  });

  it('CRLF with LF rows appended: every row screened on its own, none merged', async () => {
    const run = await screenFile(
      'mixed.csv',
      'id,name\r\n1,Ana Ruiz\r\n2,Nemesio Oseguera Cervantes\n3,Joaquin Guzman\n',
    );
    expect(run.results.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(run.matched('2')).toBeGreaterThan(0);
    expect(run.matched('3')).toBeGreaterThan(0);
  });

  it('.tsv is read with tabs, a JSON array keeps every row, a repeated id is rejected', async () => {
    expect((await screenFile('c.tsv', 'id\tname\n1\tGuzman Loera, Joaquin\n')).matched('1')).toBeGreaterThan(
      0,
    );
    const array = await screenFile(
      'c.json',
      '[{"id":"a","name":"Ana Ruiz"},\n{"id":"b","name":"Ismael Zambada"}]',
    );
    expect(array.results.map((r) => r.id)).toEqual(['a', 'b']);
    const dup = await screenFile('dup.csv', 'id,name\n1,Ana Ruiz\n1,Joaquin Guzman\n');
    expect(dup.results[1]?.rejected?.reason).toBe('duplicate id "1" (first on line 2)');
    expect(dup.stderr).toMatch(/rows read 2, screened 1, rejected 1/);
  });

  it('every row rejected exits 2', async () => {
    await screenFile('bad.csv', 'id,name\n1,\n2,\n');
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
  });
});
