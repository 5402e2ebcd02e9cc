/**
 * `sentinela warning run --incidents` on the sample incident file (invented data, labelled sample):
 * chemicals resolved through the goods catalog, a first appearance in a country and a rise raised,
 * the unlisted chemical kept under its written name, bad rows rejected by file, line and field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Alert, AlertSchema } from '../../core/alert.js';
import { openStores } from '../../store/index.js';
import type { CliSession } from '../shared/testing/run-cli.js';
import { tempCliSession } from '../shared/testing/temp-cli-session.js';
import * as warningCommand from './warning-command.js';

const sample = join(import.meta.dirname, '../../../data/sample/sample-incidents.csv');
let dir: string;
let cli: CliSession;

beforeEach(() => ({ dir, cli } = tempCliSession([warningCommand], ['warning'])));

const sentinela = (...args: string[]) => cli.run(...args);

function alertsIn(path: string): Alert[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => AlertSchema.parse(JSON.parse(l)));
}

describe('sentinela warning run --incidents', () => {
  it('raises novelty and rise signals on catalog names and stores them once', async () => {
    const out = join(dir, 'signals.jsonl');
    const db = join(dir, 'alerts.sqlite');
    const args = ['run', '--incidents', '--input', sample, '--output', out, '--period', 'month', '--db', db];
    expect(await sentinela(...args)).toBeUndefined();
    const alerts = alertsIn(out);
    const signal = (a: Alert) => `${a.evidence.data.signal} ${a.subject}`;
    // N-Phenethyl-4-piperidone: first written as a CAS number without dashes (39742604), then as NPP.
    expect(alerts.map(signal)).toContain('novelty N-Phenethyl-4-piperidone|NL');
    // Phenylacetic acid, written under its name and its synonym, jumps in Mexico in the last month.
    expect(alerts.map(signal)).toContain('rise Phenylacetic acid|MX');
    // The steady series (acetic anhydride under four spellings, piperonal, acetone) raise nothing.
    expect(alerts.filter((a) => /Acetic anhydride|Piperonal|Acetone/.test(a.subject))).toEqual([]);
    // The chemical the catalog does not list is kept and is new in Colombia.
    expect(alerts.map(signal)).toContain('novelty sample compound q-7|CO');
    expect(cli.err).toContain('120 incidents in = 117 accepted + 3 rejected');
    expect(cli.err).toContain(`${sample}:109: field "chemical": CAS number 108-24-8 has a wrong check digit`);
    expect(cli.err).toContain(`${sample}:111: field "country": is required`);
    expect(cli.err).toContain(`${sample}:113: field "quantity": must not be negative`);
    expect(cli.err).toMatch(
      /1 chemical not in the catalog, kept under their written names: sample compound q-7 \(line 108\)/,
    );
    expect(cli.err).toMatch(/resolved through goods catalog \S+: \d+ by CAS number, \d+ by name/);

    cli.err = '';
    expect(await sentinela(...args)).toBeUndefined();
    expect(cli.err).toContain(`0 new, ${alerts.length} already stored`);
    const stores = await openStores(db);
    expect(await stores.alerts.count({ kind: 'warning' })).toBe(alerts.length);
    await stores.close();
  });

  it('recognises an incident file by its header and refuses --synonyms with it', async () => {
    const input = join(dir, 'incidents.csv');
    const rows = ['date,country,cas'];
    for (let m = 1; m <= 12; m++) rows.push(`2025-${String(m).padStart(2, '0')}-03,MX,108247`);
    rows.push('2025-12-04,mx,120570');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const out = join(dir, 'out.jsonl');
    expect(
      await sentinela('run', '--input', input, '--output', out, '--period', 'month', '--no-store'),
    ).toBeUndefined();
    expect(cli.err).toContain('reading incidents');
    expect(cli.err).toContain('13 incidents in = 13 accepted + 0 rejected');
    expect(alertsIn(out).map((a) => a.subject)).toContain('Piperonal|MX');
    const error = await sentinela(
      'run',
      '--incidents',
      '--synonyms',
      'x.json',
      '--input',
      input,
      '--output',
      out,
    );
    expect(error?.message).toMatch(/--incidents cannot be combined/);
  });
});
