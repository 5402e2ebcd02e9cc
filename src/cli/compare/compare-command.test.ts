import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as compareCommand from './compare-command.js';

let dir: string;
let cli: CliSession;

beforeEach(() => {
  ({ dir, cli } = tempCliSession([compareCommand], ['compare']));
  process.exitCode = undefined;
});
afterEach(() => {
  process.exitCode = undefined;
});

async function runCompare(csv: string, ...extra: string[]): Promise<{ out: string; error?: Error }> {
  const input = join(dir, 'pairs.csv');
  const output = join(dir, 'scored.csv');
  writeFileSync(input, csv);
  const error = await cli.run('--input', input, '--output', output, ...extra);
  return error ? { out: '', error } : { out: readFileSync(output, 'utf8') };
}

describe('sentinela compare', () => {
  it('adds score and match, passing other columns through', async () => {
    const { out } = await runCompare(
      'id,schema,name1,name2,note\n' +
        '1,Person,Joaquin Guzman,"GUZMAN LOERA, Joaquin",kept\n' +
        '2,Organization,CARIBBEAN TRADING LIMITED,PACIFIC TRADING LIMITED,"a, b"\n',
    );
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('id,schema,name1,name2,note,score,match');
    expect(lines[1]).toMatch(/^1,Person,Joaquin Guzman,"GUZMAN LOERA, Joaquin",kept,0\.\d{4},true$/);
    expect(lines[2]).toMatch(
      /^2,Organization,CARIBBEAN TRADING LIMITED,PACIFIC TRADING LIMITED,"a, b",0\.\d{4},false$/,
    );
    expect(cli.err).toContain('2 rows read, 2 scored, 0 rejected');
  });
  it('honours --threshold', async () => {
    const { out } = await runCompare(
      'schema,name1,name2\nOrganization,CARIBBEAN TRADING LIMITED,PACIFIC TRADING LIMITED\n',
      '--threshold',
      '0.1',
    );
    expect(out.trim().split('\n')[1]).toMatch(/,true$/);
  });
  it('rejects bad rows with file, line and field, and scores the rest', async () => {
    const { out } = await runCompare(
      'schema,name1,name2\nPerson,,Juan Perez\nPlanet,Mars,Venus\nPerson,Juan Perez,Juan Perez\nPerson,only two\n',
    );
    expect(out.trim().split('\n')).toHaveLength(2);
    expect(cli.err).toMatch(/pairs\.csv:2: field "name1": empty name/);
    expect(cli.err).toMatch(/pairs\.csv:3: field "schema": unknown schema "Planet"/);
    expect(cli.err).toMatch(/pairs\.csv:5: field "name2": expected 3 columns, found 2/);
    expect(cli.err).toContain('4 rows read, 1 scored, 3 rejected');
    expect(process.exitCode).toBeUndefined(); // some rows rejected is not a failure: the counts say it
  });
  it('exits 2 when every row is rejected', async () => {
    const { error } = await runCompare('schema,name1,name2\nPlanet,Mars,Venus\nPerson,,x\n');
    expect(error).toMatchObject({ exitCode: 2 });
    expect(error?.message).toContain('all 2 rows rejected');
  });
  it('fails with the missing column named', async () => {
    const { error } = await runCompare('schema,first,second\nPerson,a,b\n');
    expect(error?.message).toMatch(/pairs\.csv:1: field "name1": missing required columns name1, name2/);
  });
  it('fails on an empty file', async () => {
    const { error } = await runCompare('');
    expect(error?.message).toContain('the file is empty');
  });
  it('rejects a threshold outside 0–1', async () => {
    const { error } = await runCompare('schema,name1,name2\n', '--threshold', '2');
    expect(error?.message).toContain('expected a number from 0 to 1');
  });
});
