/**
 * The exit-code table (cli-errors.ts) holds for every command, run as a user would through the
 * built binary: a bad option, a missing argument or an unknown command is a usage error (1) with
 * no stack trace, and a file the command cannot accept — wrong columns or malformed CSV — is 2.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../command-table.js';
import { ExitCode } from './cli-errors.js';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/src/cli/main.js');
let dir: string;

beforeAll(() => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'sentinela-exit-codes-'));
  writeFileSync(join(dir, 'wrong-columns.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'unclosed-quote.csv'), 'id,name\n1,"Juan Perez\n2,Ana\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sentinela(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', SENTINELA_DB: join(dir, 'store.sqlite') },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('close', (status) => done({ status, stderr }));
  });
}

/** Every command path a user can type (`lists import`, `goods catalog show`, …). */
async function commandPaths(): Promise<string[][]> {
  const paths: string[][] = [];
  for (const entry of commandTable) {
    const program = new Command('sentinela');
    (await entry.load()).register(program);
    const walk = (command: Command, path: string[]): void => {
      paths.push(path);
      for (const sub of command.commands) if (sub.name() !== 'help') walk(sub, [...path, sub.name()]);
    };
    for (const top of program.commands) walk(top, [top.name()]);
  }
  return paths;
}

/** Runs `runs` a few at a time: each is a whole process, the machine has few cores. */
async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 4)
    results.push(...(await Promise.all(items.slice(i, i + 4).map(run))));
  return results;
}

describe('exit statuses of every command (built binary)', () => {
  it('1 for a bad option on every command and subcommand, with no stack trace', async () => {
    const paths = await commandPaths();
    expect(paths.length).toBeGreaterThan(30);
    const results = await inBatches(paths, async (path) => ({
      path: path.join(' '),
      ...(await sentinela([...path, '--no-such-option'])),
    }));
    for (const r of results) {
      expect({ path: r.path, status: r.status }).toEqual({ path: r.path, status: ExitCode.usage });
      // Commander names the first usage error it meets: the unknown option, or a required one missing.
      expect(r.stderr).toMatch(
        /^error: (unknown option '--no-such-option'|required option|missing required argument)/m,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 240_000);

  it('1 for an unknown command, a missing argument or required option, or a value outside its choices', async () => {
    const cases = [
      ['no-such-command'],
      ['lists', 'import'],
      ['customers', 'import'],
      ['warning', 'run', '--input', 'x.csv'],
      ['screen', 'review', '--query', 'x'],
      ['targeting', 'score', '--input', 'x.csv', '--per', 'week'],
      ['reconcile', '--exports', 'x.csv', '--imports', 'x.csv', '--gap-z', 'high'],
    ];
    for (const r of await inBatches(cases, sentinela)) {
      expect(r.status).toBe(ExitCode.usage);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('2 for a file every command that reads one cannot accept: wrong columns or malformed CSV', async () => {
    for (const file of ['wrong-columns.csv', 'unclosed-quote.csv']) {
      const cases = [
        ['lists', 'import', file],
        ['customers', 'import', file],
        ['compare', '--input', file],
        ['targeting', 'score', '--input', file],
        ['targeting', 'train', '--input', file, '--model', 'model.json'],
        ['warning', 'run', '--input', file, '--output', 'signals.jsonl', '--no-store'],
        ['warning', 'detect', '--input', file, '--method', 'ears-c1', '--from-period', '1'],
        ['goods', 'screen', '--input', file, '--output', 'alerts.jsonl'],
        ['reconcile', '--exports', file, '--imports', file, '--no-store'],
      ];
      const results = await inBatches(cases, async (args) => ({
        args: args.join(' '),
        ...(await sentinela(args)),
      }));
      for (const r of results) {
        expect({ args: r.args, status: r.status }).toEqual({ args: r.args, status: ExitCode.inputRejected });
        expect(r.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')}`));
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }
  }, 240_000);
});
