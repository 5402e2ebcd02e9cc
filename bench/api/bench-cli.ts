/** Runs the built `sentinela` CLI the way an operator would, for the benchmark's set-up steps. */
import { spawnSync } from 'node:child_process';
import { cliPath } from './serve-child.js';

/** Runs one command; returns its stdout, or throws with its stderr. */
export function sentinela(args: string[], input?: string): string {
  const result = spawnSync(process.execPath, [cliPath(), ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`sentinela ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** The last non-empty line of a command's output (where `tokens create` prints the token). */
export function lastLine(output: string): string {
  const lines = output.split('\n').filter((l) => l.trim().length > 0);
  return lines.at(-1)?.trim() ?? '';
}
