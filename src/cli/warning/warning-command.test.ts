import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertSchema } from '../../core/alert.js';
import { openStores } from '../../store/index.js';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as warningCommand from './warning-command.js';

let dir: string;
let cli: CliSession;

beforeEach(() => ({ dir, cli } = tempCliSession([warningCommand], ['warning'])));

const sentinela = (...args: string[]) => cli.run(...args);
/** `warning detect --input FILE --method M --from-period N …`. */
const detect = (input: string, method: string, fromPeriod: string, ...extra: string[]) =>
  sentinela('detect', '--input', input, '--method', method, '--from-period', fromPeriod, ...extra);

describe('sentinela warning detect', () => {
  it('writes series,period,expected,upperbound,alarm for periods from N on', async () => {
    const input = join(dir, 'series.csv');
    const output = join(dir, 'alarms.csv');
    const rows = ['series,period,count'];
    const a = [3, 4, 3, 5, 2, 3, 4, 30, 3];
    a.forEach((c, i) => {
      rows.push(`a,${i + 10},${c}`);
    });
    rows.push('b,12,1', 'b,16,2'); // periods 13-15 absent: counted as 0
    writeFileSync(input, rows.join('\n'));
    expect(await detect(input, 'ears-c1', '17', '--output', output)).toBeUndefined();
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('series,period,expected,upperbound,alarm');
    expect(lines[1]).toMatch(/^a,17,3\.428571429,6\.444329362,1$/);
    expect(lines[2]).toMatch(/^a,18,.*,0$/);
    expect(lines.filter((l) => l.startsWith('b,'))).toEqual([]);
    expect(cli.err).toMatch(/2 series, 11 rows in = 11 accepted \+ 0 rejected/);
  });

  it('names file, line and field for a bad row', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'series,period,count\na,1,3\na,two,4\n');
    const error = await detect(input, 'noufaily', '1');
    expect(error?.message).toBe(`${input}:3: field "period": period must be an integer index, got "two"`);
  });

  it('rejects an unknown method', async () => {
    const input = join(dir, 's.csv');
    writeFileSync(input, 'series,period,count\na,1,3\n');
    const error = await detect(input, 'magic', '1');
    expect(error?.message).toMatch(/'--method <name>' argument 'magic' is invalid/);
  });
});

describe('sentinela warning run', () => {
  it('writes signals as JSON lines, stores them once, and counts reports in = accepted + rejected', async () => {
    const input = join(dir, 'reports.csv');
    const output = join(dir, 'signals.jsonl');
    const db = join(dir, 'w.sqlite');
    const rows = ['date,region,substance,count,source'];
    for (let w = 0; w < 40; w++) {
      const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
      rows.push(`${d},TX,fentanyl,${3 + (w % 3) + (w === 39 ? 30 : 0)},lab`);
      rows.push(`${d},NM,cocaine,1,lab`);
      if (w >= 38) rows.push(`${d},NM,Tranq,2,drug-checking`);
    }
    rows.push('2024-02-31,TX,fentanyl,1,lab');
    writeFileSync(input, rows.join('\n'));
    expect(await sentinela('run', '--input', input, '--output', output, '--db', db)).toBeUndefined();
    const alerts = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => AlertSchema.parse(JSON.parse(l)));
    expect(alerts.some((a) => a.subject === 'fentanyl|TX' && a.evidence.data.signal === 'rise')).toBe(true);
    expect(alerts.some((a) => a.subject === 'xylazine|NM' && a.rule.name === 'novelty')).toBe(true);
    expect(cli.err).toMatch(/83 reports in = 82 accepted \+ 1 rejected/);
    expect(cli.err).toMatch(/:84: field "date": is not a valid calendar date/);
    expect(await sentinela('run', '--input', input, '--output', output, '--db', db)).toBeUndefined();
    expect(cli.err).toMatch(/0 new, \d+ already stored/);
    const stores = await openStores(db);
    expect(await stores.alerts.count({ kind: 'warning' })).toBe(alerts.length);
    await stores.close();
  });
});

describe('sentinela warning positivity', () => {
  const tested = [40, 46, 52, 44, 38, 41, 40, 43, 39, 42, 45, 40];
  const positives = [12, 14, 15, 13, 11, 12, 12, 13, 12, 12, 27, 12];

  it('detect --method positivity reads series,period,count,tested and adds shares and p-values', async () => {
    const input = join(dir, 'positivity.csv');
    const output = join(dir, 'alarms.csv');
    writeFileSync(
      input,
      ['series,period,count,tested', ...positives.map((x, i) => `med,${i + 1},${x},${tested[i]}`)].join('\n'),
    );
    expect(await detect(input, 'positivity', '10', '--output', output)).toBeUndefined();
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'series,period,expected,upperbound,alarm,tested,expected_share,upper_share,p_value',
    );
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['0', '1', '0']);
    expect(lines[2]).toMatch(/^med,11,[\d.]+,\d+,1,45,0\.29\d*,[\d.]+,[\d.e-]+$/);
    expect(cli.err).toMatch(/3 periods evaluated with positivity, 1 alarms/);

    // A plug-in overdispersion and a looser alpha never give a higher bound than the defaults.
    const loose = join(dir, 'loose.csv');
    const args = [input, 'positivity', '10'] as const;
    expect(
      await detect(...args, '--output', loose, '--dispersion-confidence', '0', '--alpha', '0.05'),
    ).toBeUndefined();
    const bound = (file: string) =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[3]));
    bound(loose).forEach((b, i) => {
      expect(b).toBeLessThanOrEqual(bound(output)[i]!);
    });
    expect((await detect(...args, '--alpha', '1.5'))?.message).toMatch(
      /--alpha must be a number from 0 to below 1/,
    );
  });

  it('detect --method positivity names file, line and field for tested below count, and a missing column', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'series,period,count,tested\nmed,1,3,10\nmed,2,12,9\n');
    const error = await detect(input, 'positivity', '1');
    expect(error?.message).toBe(
      `${input}:3: field "tested": tested must be a whole number of samples at least count (12), got "9"`,
    );
    writeFileSync(input, 'series,period,count\nmed,1,3\n');
    const missing = await detect(input, 'positivity', '1');
    expect(missing?.message).toMatch(/missing column "tested"/);
  });

  it('run judges reports that carry tested on positivity and stores the signal', async () => {
    const input = join(dir, 'reports.csv');
    const output = join(dir, 'signals.jsonl');
    const rows = ['date,region,substance,count,tested,source'];
    positives.forEach((x, i) => {
      const d = `2025-${String(i + 1).padStart(2, '0')}-15`;
      rows.push(`${d},NYC,medetomidine,${x},${tested[i]},drug-checking`);
    });
    rows.push('2025-12-15,NYC,xylazine,50,40,drug-checking');
    writeFileSync(input, rows.join('\n'));
    const db = join(dir, 'w.sqlite');
    expect(
      await sentinela(
        'run',
        '--input',
        input,
        '--output',
        output,
        '--db',
        db,
        '--period',
        'month',
        '--evaluate',
        '3',
      ),
    ).toBeUndefined();
    const alerts = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => AlertSchema.parse(JSON.parse(l)));
    const rise = alerts.find((a) => a.subject === 'medetomidine|NYC' && a.rule.name === 'positivity');
    expect(rise?.evidence.summary).toMatch(/60 % of 45 samples in 2025-11 vs/);
    expect(cli.err).toMatch(/13 reports in = 12 accepted \+ 1 rejected/);
    expect(cli.err).toMatch(/:14: field "tested": must be at least count/);
    expect(cli.err).toMatch(/2 with samples tested/);
    const stores = await openStores(db);
    expect(await stores.alerts.count({ kind: 'warning' })).toBe(alerts.length);
    await stores.close();
  });
});

describe('sentinela warning run --positivity-table', () => {
  it('reads a wide monthly table through a JSON mapping and counts table rows in = accepted + rejected', async () => {
    const input = join(dir, 'table.csv');
    const mapping = join(dir, 'mapping.json');
    const output = join(dir, 'signals.jsonl');
    const tested = [40, 46, 52, 44, 38, 41, 40, 43, 39, 42, 45, 40];
    const med = [12, 14, 15, 13, 11, 12, 12, 13, 12, 12, 27, 12];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    writeFileSync(
      input,
      [
        '"yr_mo","Med_Pos","Total"',
        ...months.map((m, i) => `${m} 2025,${med[i]},${tested[i]}`),
        'Dec 2025,x,3',
      ].join('\n'),
    );
    writeFileSync(
      mapping,
      JSON.stringify({
        periodColumn: 'yr_mo',
        testedColumn: 'Total',
        positives: { medetomidine: 'Med_Pos' },
        region: 'NYC',
      }),
    );
    const args = [
      'run',
      '--input',
      input,
      '--output',
      output,
      '--no-store',
      '--period',
      'month',
      '--evaluate',
      '3',
    ];
    expect(await sentinela(...args, '--positivity-table', mapping)).toBeUndefined();
    expect(cli.err).toMatch(/13 table rows in = 12 accepted \+ 1 rejected \(12 reports\)/);
    expect(cli.err).toMatch(/table\.csv:14: field "Med_Pos": must be a whole number/);
    expect(readFileSync(output, 'utf8')).toMatch(
      /Rise in positivity of medetomidine in NYC: 60 % of 45 samples/,
    );

    writeFileSync(mapping, JSON.stringify({ periodColumn: 'yr_mo', positives: {}, region: 'NYC' }));
    const error = await sentinela(...args, '--positivity-table', mapping);
    expect(error?.message).toMatch(/mapping\.json: field "testedColumn"/);
  });
});
