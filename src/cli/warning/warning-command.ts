/** The `sentinela warning` command: early-warning detection (`detect` on count series, `run` on raw reports). */
import type { Command } from 'commander';
import { registerWarningDetect } from './warning-detect-command.js';
import { registerWarningRun } from './warning-run-command.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

export function register(program: Command, io: CommandIo = processIo()): void {
  const warning = program
    .command('warning')
    .description('Early warning: detect new substances, rises and spread in identification reports');
  registerWarningDetect(warning, io);
  registerWarningRun(warning, io);
}
