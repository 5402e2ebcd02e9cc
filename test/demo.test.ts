/**
 * The quick start's main job, end to end through the built CLI: the sample watchlist is loaded into
 * a fresh SQLite file and the sample customers are screened; the planted hits alert, the near
 * misses and ordinary customers do not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/src/cli/main.js');
let scratch: string;

beforeAll(() => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  scratch = mkdtempSync(join(tmpdir(), 'sentinela-demo-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface DemoResult {
  rows: number;
  rejected: number;
  alerts: Array<{ id: string; matches: Array<{ entityId: string; match: boolean }> }>;
}

describe('sentinela demo', () => {
  it('alerts on exactly the planted hits of the sample customers', () => {
    const out = execFileSync(process.execPath, [cli, 'demo', '--json'], { encoding: 'utf8' });
    const result = JSON.parse(out) as DemoResult;
    expect(result.rows).toBe(62);
    expect(result.rejected).toBe(0);
    const alerted = result.alerts.map((a) => a.id).sort();
    const planted = Array.from({ length: 11 }, (_, i) => `C-00${43 + i}`);
    expect(alerted).toEqual(planted);
    const mencho = result.alerts.find((a) => a.id === 'C-0045')!;
    expect(mencho.matches.find((m) => m.match)?.entityId).toBe('OFAC-SDN-17674');
  });

  it('prints readable alerts and keeps the store when --db is given', () => {
    const db = join(scratch, 'demo.sqlite');
    const out = execFileSync(process.execPath, [cli, 'demo', '--db', db], { encoding: 'utf8' });
    expect(out).toContain('SAMPLE DATA');
    expect(out).toMatch(/Screened 62 customers \(0 rejected\) at threshold [\d.]+: 11 alerts/);
    expect(out).toContain('ALERT  customer C-0045  "El Mencho"');
    expect(existsSync(db)).toBe(true);
    const versions = execFileSync(process.execPath, [cli, 'lists', 'list', '--json', '--db', db], {
      encoding: 'utf8',
    });
    expect(versions).toContain('sample-watchlist');
  });
});
