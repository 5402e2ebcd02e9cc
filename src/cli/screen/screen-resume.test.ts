/**
 * Crash-safe batches, with real processes: a run killed with SIGKILL mid-batch leaves the output
 * path untouched and a journal; `--resume` finishes it and the file holds exactly one result per
 * input row, in input order. SIGTERM stops cleanly and says how to resume. The output is checked
 * before any work: `--output` equal to `--input` is refused. The same kill and resume holds with
 * a pool of worker threads (`--workers 2`), whose results arrive out of order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempScreeningStore } from '../shared/testing/screening-test-store.js';

const repo = resolve(import.meta.dirname, '../../..');
let dir: string;
let db: string;
let input: string;
const rows = 30_000;

beforeAll(async () => {
  ({ dir, db } = await tempScreeningStore('resume'));
  const names = ['Joaquin Guzman', 'Ana Ruiz Perez', 'Ismael Zambada', 'Pedro Gomez', 'Maria Garcia Lopez'];
  const lines = ['id,name'];
  for (let i = 0; i < rows; i++)
    lines.push(`c${i},${names[i % names.length]} ${i % 97 === 0 ? '' : `X${i}`}`);
  lines.push('bad,');
  input = join(dir, 'customers.csv');
  writeFileSync(input, `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(...args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  return startWithWorkers('0', ...args);
}

/** `sentinela screen` with `--workers N` (0 = in-process). */
function startWithWorkers(
  workers: string,
  ...args: string[]
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repo, 'src/cli/main.ts'),
      'screen',
      '--db',
      db,
      '--no-store',
      '--workers',
      workers,
      ...args,
    ],
    { cwd: repo, env: { ...process.env, NO_COLOR: '1' } },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<{ code: number | null; stderr: string }>((r) =>
    child.on('close', (code) => r({ code, stderr })),
  );
  return { child, done };
}

/** Waits until the journal records at least one chunk, then sends `signal`. */
async function killMidway(child: ChildProcess, journal: string, signal: NodeJS.Signals): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (child.exitCode !== null) return false;
    if (existsSync(journal) && readFileSync(journal, 'utf8').trim().split('\n').length >= 2) {
      child.kill(signal);
      return true;
    }
  }
  return false;
}

function expectOneResultPerRow(output: string): void {
  const lines = readFileSync(output, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(rows + 1);
  const ids = lines.map((l) => (JSON.parse(l) as { id: string | null }).id);
  expect(ids.slice(0, rows)).toEqual(Array.from({ length: rows }, (_, i) => `c${i}`));
  expect(ids[rows]).toBe('bad');
}

/**
 * Runs the batch with `--workers N` into `output`, kills it with SIGKILL once a chunk is journalled,
 * checks what the kill left (`afterKill`), then runs it with `--resume` and checks the output holds
 * exactly one result per input row and no leftovers.
 */
async function killThenResume(workers: string, output: string, afterKill: () => void): Promise<void> {
  const run = startWithWorkers(workers, '--input', input, '--output', output);
  const killed = await killMidway(run.child, `${output}.journal`, 'SIGKILL');
  await run.done;
  expect(killed).toBe(true);
  afterKill();
  const resumed = await startWithWorkers(workers, '--input', input, '--output', output, '--resume').done;
  expect(resumed.stderr).toMatch(new RegExp(`rows read ${rows + 1}, screened ${rows}, rejected 1`));
  expect(resumed.code).toBe(0);
  expectOneResultPerRow(output);
  expect(existsSync(`${output}.partial`) || existsSync(`${output}.journal`)).toBe(false);
}

describe('screen --input crash safety (processes)', () => {
  it('kill -9 mid-batch, then --resume: exactly one result per input row', async () => {
    const output = join(dir, 'matches.jsonl');
    writeFileSync(output, 'stale output of an earlier run\n');
    await killThenResume('0', output, () => {
      // The output path still holds the earlier file, never a half-written one.
      expect(readFileSync(output, 'utf8')).toBe('stale output of an earlier run\n');
    });
  }, 180_000);

  it('with a worker pool: kill -9 mid-batch, then --resume: exactly one result per input row', async () => {
    const output = join(dir, 'pool.jsonl');
    await killThenResume('2', output, () => expect(existsSync(output)).toBe(false));
  }, 240_000);

  it('SIGTERM stops cleanly saying how to resume', async () => {
    const output = join(dir, 'term.jsonl');
    const run = start('--input', input, '--output', output);
    expect(await killMidway(run.child, `${output}.journal`, 'SIGTERM')).toBe(true);
    const { code, stderr } = await run.done;
    expect(code).toBe(143);
    expect(stderr).toMatch(/stopped by SIGTERM after \d+ of \d+ rows; .*--resume to continue/);
    expect((await start('--input', input, '--output', output, '--resume').done).code).toBe(0);
    expectOneResultPerRow(output);
  }, 180_000);

  it('refuses --output equal to --input before any work, leaving the input intact', async () => {
    const before = readFileSync(input, 'utf8');
    const { code, stderr } = await start('--input', input, '--output', input).done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/is the input file/);
    expect(readFileSync(input, 'utf8')).toBe(before);
  }, 60_000);
});
