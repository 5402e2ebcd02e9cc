/** `sentinela targeting`: train, score and evaluate inspection targeting of declarations and crossings. */
import type { Command } from 'commander';
import { registerTargetingEval } from './targeting-eval.js';
import { registerTargetingScore } from './targeting-score.js';
import { registerTargetingTrain } from './targeting-train.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

/** Adds `targeting` and its subcommands; `io` is swappable so tests can run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const targeting = program
    .command('targeting')
    .description('rank declarations and truck crossings for inspection: train, score, eval')
    .showHelpAfterError();
  registerTargetingTrain(targeting, io);
  registerTargetingScore(targeting, io);
  registerTargetingEval(targeting, io);
}
