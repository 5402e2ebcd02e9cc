/**
 * Detectors guarded against one bad row: a far-out date or period is rejected with its line and
 * reason instead of stretching every series (and memory) to it, and a file whose every row is
 * rejected exits 2 instead of reporting "no signals".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { CliError } from '../shared/cli-errors.js';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as warningCommand from './warning-command.js';

let dir: string;
let cli: CliSession;

beforeEach(() => ({ dir, cli } = tempCliSession([warningCommand], ['warning'])));

const sentinela = (...args: string[]) => cli.run(...args);

/** Four years of weekly reports in three regions, with a rise of xylazine in the last weeks. */
function reportRows(): string[] {
  const random = seededRandom(12);
  const rows = ['date,region,substance,count'];
  const start = Date.UTC(2021, 0, 4);
  for (let w = 0; w < 208; w++) {
    const date = new Date(start + w * 7 * 86400000).toISOString().slice(0, 10);
    for (const region of ['TX', 'AZ', 'CA']) {
      const rise = w >= 204 && region !== 'CA' ? 12 : 0;
      rows.push(`${date},${region},xylazine,${2 + Math.floor(random() * 3) + rise}`);
      rows.push(`${date},${region},fentanyl,${5 + Math.floor(random() * 4)}`);
    }
  }
  return rows;
}

async function signals(rows: string[], ...extra: string[]) {
  const input = join(dir, `reports-${rows.length}.csv`);
  const output = join(dir, `signals-${rows.length}.jsonl`);
  writeFileSync(input, rows.join('\n'));
  const error = await sentinela('run', '--input', input, '--output', output, '--no-store', ...extra);
  return { error, lines: error ? [] : readFileSync(output, 'utf8').trim().split('\n').filter(Boolean) };
}

describe('warning run with a far-out date', () => {
  it('rejects a 2099 or 1900 row with its line and reason and raises the same signals as without it', async () => {
    const clean = await signals(reportRows(), '--not-after', '2100-12-31');
    expect(clean.error).toBeUndefined();
    expect(clean.lines.length).toBeGreaterThan(0);
    const rows = reportRows();
    rows.splice(100, 0, '2099-06-01,TX,xylazine,1');
    rows.push('1900-01-01,AZ,fentanyl,2');
    cli.err = '';
    const dirty = await signals(rows, '--not-after', '2100-12-31');
    expect(dirty.error).toBeUndefined();
    expect(dirty.lines.length).toBe(clean.lines.length);
    expect(cli.err).toMatch(
      /reports-\d+\.csv:101: field "date": 2099-06-01 is \d+ weeks after the rest of the data/,
    );
    expect(cli.err).toMatch(/:1251: field "date": 1900-01-01 is \d+ weeks before/);
    expect(cli.err).toMatch(/1250 reports in = 1248 accepted \+ 2 rejected/);
    expect(cli.err).toMatch(/over 208 weeks/);
  });

  it('rejects dates after today by default', async () => {
    const rows = reportRows();
    rows.push('2099-06-01,TX,xylazine,1');
    const run = await signals(rows);
    expect(run.error).toBeUndefined();
    expect(cli.err).toMatch(
      /field "date": 2099-06-01 is after \d{4}-\d{2}-\d{2} \(the latest date accepted, --not-after\)/,
    );
  });

  it('exits 2 when every row is rejected', async () => {
    const run = await signals(['date,region,substance', '2024-13-01,TX,x', 'yesterday,TX,y']);
    expect(run.error).toBeInstanceOf(CliError);
    expect((run.error as CliError).exitCode).toBe(2);
    expect(run.error?.message).toMatch(/all 2 rows rejected/);
  });
});

describe('warning detect with a huge period index', () => {
  it('rejects the row instead of laying the series out up to it, quickly', async () => {
    const input = join(dir, 'series.csv');
    const output = join(dir, 'alarms.csv');
    const rows = ['series,period,count'];
    for (let i = 0; i < 60; i++) rows.push(`a,${i},${3 + (i % 3)}`);
    rows.push('a,999999999999,4');
    writeFileSync(input, rows.join('\n'));
    const started = performance.now();
    const error = await sentinela(
      'detect',
      '--input',
      input,
      '--method',
      'ears-c2',
      '--from-period',
      '50',
      '--output',
      output,
    );
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(cli.err).toMatch(
      /series\.csv:62: field "period": 999999999999 is \d+ periods after the rest of series "a" \(0 … 59, 60 rows\)/,
    );
    expect(cli.err).toMatch(/61 rows in = 60 accepted \+ 1 rejected/);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(11);
  });

  it('exits 2 on a file with no data rows', async () => {
    const input = join(dir, 'empty.csv');
    writeFileSync(input, 'series,period,count\n');
    const error = await sentinela('detect', '--input', input, '--method', 'ears-c1', '--from-period', '1');
    expect((error as CliError).exitCode).toBe(2);
  });
});
