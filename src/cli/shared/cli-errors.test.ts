/**
 * Exit statuses mean the same in every command (0 ok, 1 usage, 2 input rejected, 3 internal) and a
 * failure is one line on stderr; a stack trace only with --debug.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { ServiceError } from '../../services/service-error.js';
import { CliError, describeFailure, ExitCode } from './cli-errors.js';

describe('describeFailure', () => {
  it('maps each kind of failure to its status', () => {
    expect(describeFailure(new InputError('bad', { file: 'a.csv', line: 3 })).exitCode).toBe(
      ExitCode.inputRejected,
    );
    expect(describeFailure(new CliError('--x: bad')).exitCode).toBe(ExitCode.usage);
    expect(describeFailure(new ServiceError('invalid', 'bad row')).exitCode).toBe(ExitCode.inputRejected);
    expect(describeFailure(new ServiceError('not-found', 'no such list')).exitCode).toBe(ExitCode.usage);
    expect(describeFailure(new TypeError('x is undefined'), false)).toEqual({
      exitCode: ExitCode.internal,
      text: 'sentinela: internal error: x is undefined (this is a bug or an environment failure; run again with --debug for details)\n',
    });
    expect(describeFailure(new TypeError('x is undefined'), true).text).toMatch(
      /TypeError: x is undefined\n\s+at /,
    );
  });
});

describe('sentinela exit statuses (process)', () => {
  const repo = resolve(import.meta.dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-exit-'));
  const sentinela = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', SENTINELA_DB: join(dir, 'db.sqlite') },
    });

  it('1 for usage, 2 for rejected input, 3 for an internal failure — stack only with --debug', () => {
    expect(sentinela('lists', 'import', '--no-such-option').status).toBe(1);
    const bad = join(dir, 'sdn.csv');
    writeFileSync(bad, '1,"unclosed\n');
    const rejected = sentinela('lists', 'import', bad);
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toMatch(/^sentinela: error: .*sdn\.csv:1: /);
    // A database path under a regular file: the environment fails, not the input.
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const good = resolve(repo, 'src/lists/fixtures/ofac-sample/sdn.csv');
    const internal = sentinela('lists', 'import', good, '--db', join(file, 'x.sqlite'));
    expect(internal.status).toBe(3);
    expect(internal.stderr).toMatch(/^sentinela: internal error: .*run again with --debug/);
    expect(internal.stderr).not.toMatch(/\n\s+at /);
    const debug = sentinela('lists', 'import', good, '--db', join(file, 'x.sqlite'), '--debug');
    expect(debug.status).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
