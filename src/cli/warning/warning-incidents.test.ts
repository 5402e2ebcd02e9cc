/**
 * `sentinela warning run --incidents` on the sample incident file (invented data, labelled sample):
 * chemicals resolved through the goods catalog, a first appearance in a country and a rise raised,
 * the unlisted chemical kept under its written name, bad rows rejected by file, line and field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Alert, AlertSchema } from '../../core/alert.js';
import { openStores } from '../../store/index.js';
import { runWarningCli } from './warning-cli-harness.js';

const sample = join(import.meta.dirname, '../../../data/sample/sample-incidents.csv');
let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-incidents-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const sentinela = (...args: string[]) => runWarningCli(args);

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
    expect(stderr).toContain('120 incidents in = 117 accepted + 3 rejected');
    expect(stderr).toContain(`${sample}:109: field "chemical": CAS number 108-24-8 has a wrong check digit`);
    expect(stderr).toContain(`${sample}:111: field "country": is required`);
    expect(stderr).toContain(`${sample}:113: field "quantity": must not be negative`);
    expect(stderr).toMatch(
      /1 chemical not in the catalog, kept under their written names: sample compound q-7 \(line 108\)/,
    );
    expect(stderr).toMatch(/resolved through goods catalog \S+: \d+ by CAS number, \d+ by name/);

    stderr = '';
    expect(await sentinela(...args)).toBeUndefined();
    expect(stderr).toContain(`0 new, ${alerts.length} already stored`);
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
    expect(stderr).toContain('reading incidents');
    expect(stderr).toContain('13 incidents in = 13 accepted + 0 rejected');
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
