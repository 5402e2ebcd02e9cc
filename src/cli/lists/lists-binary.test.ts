/**
 * The `sentinela lists` command as users run it: a separate process, exit codes, one error line on
 * stderr and nothing on stdout. Runs the TypeScript entry point through tsx, so no build is needed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sdn2024, writeOfacFile } from './testing/lists-cli-fixtures.js';

const repo = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'sentinela-cli-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sentinela(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SENTINELA_DB: join(dir, 'env.sqlite') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sentinela lists (process)', () => {
  it('imports into $SENTINELA_DB, exits 0 and prints results on stdout', () => {
    const run = sentinela('lists', 'import', writeOfacFile(dir, 'sdn.csv', sdn2024));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^imported us-ofac-sdn@1 \(version 1, ofac-csv\) into .*env\.sqlite/);
    expect(sentinela('lists', 'list').stdout).toMatch(/us-ofac-sdn/);
  });

  it('an unknown version is one line on stderr and a non-zero exit', () => {
    const run = sentinela('lists', 'show', '42');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^sentinela: error: no version 42 in the store[^\n]*\n$/);
  });

  it('bad input names the file and line, exits 2 and stores nothing', () => {
    mkdirSync(join(dir, 'bad'));
    const bad = writeOfacFile(join(dir, 'bad'), 'sdn.csv', [sdn2024[0]!, '10386,"GULF CARTEL",-0- ']);
    const run = sentinela('lists', 'import', bad, '--db', join(dir, 'bad.sqlite'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^sentinela: error: ${bad.replace(/[.]/g, '\\.')}:2: [^\\n]*\\n$`));
    expect(sentinela('lists', 'list', '--db', join(dir, 'bad.sqlite')).stderr).toMatch(/no database at/);
  });
});
