/**
 * `screen --input` on the files customers actually send: each case once hid a listed person or
 * merged rows with exit 0 — Windows-1252 bytes, UTF-16 from Excel, CRLF with LF rows appended,
 * .tsv read as commas, a JSON array, a repeated id. Every row is screened or rejected and said so.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../shared/testing/run-cli.js';
import { tempScreeningStore } from '../shared/testing/screening-test-store.js';
import * as screenCommand from './screen-command.js';

let dir: string;
let db: string;
beforeAll(async () => ({ dir, db } = await tempScreeningStore('screen-input')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const screen = cliRunner([screenCommand], ['screen']);

async function screenFile(name: string, bytes: Uint8Array | string) {
  const input = join(dir, name);
  const output = join(dir, `${name}.out.jsonl`);
  writeFileSync(input, bytes);
  const run = await screen('--input', input, '--output', output, '--db', db, '--no-store');
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
  const matched = (id: string) => results.find((r) => r.id === id)?.matches.length ?? 0;
  return { results, stderr: run.err, exitCode: run.exitCode, matched };
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
    expect((await screenFile('bad.csv', 'id,name\n1,\n2,\n')).exitCode).toBe(2);
  });
});
