/**
 * The set-up of the CLI tests that give every test its own files: a new temporary folder and a new
 * session of the command, so one test's output and files never leak into the next.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliSession, cliSession, type RegistersCommand } from './run-cli.js';

/**
 * @example
 * let dir: string;
 * let cli: CliSession;
 * beforeEach(() => ({ dir, cli } = tempCliSession([warningCommand], ['warning'])));
 */
export function tempCliSession(
  modules: RegistersCommand[],
  prefix: string[],
): { dir: string; cli: CliSession } {
  const dir = mkdtempSync(join(tmpdir(), `sentinela-${prefix.join('-') || 'cli'}-`));
  return { dir, cli: cliSession(modules, prefix) };
}
