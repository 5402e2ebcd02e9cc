/**
 * Progress for long runs, drawn on stderr only when it is a terminal and never with --json or
 * NO_COLOR, so a pipe or a log file gets the summary lines alone. One place for that rule and for
 * loading cli-progress, which a command pays for only when a bar is drawn.
 */
import type { CommandIo } from './command-io.js';

type SingleBar = InstanceType<typeof import('cli-progress')['SingleBar']>;

export interface ProgressBarOptions {
  /** --json: output for machines, no bar. */
  json?: boolean;
  /** cli-progress format, e.g. 'goods [{bar}] {percentage}% | {eta}s left'. */
  format: string;
  hideCursor?: boolean;
}

/**
 * A bar not yet started (the caller starts it once it knows the total), or undefined where none
 * is drawn. It moves the cursor on the terminal itself, so it writes to the process's stderr
 * rather than through `io`, which only says whether stderr is a terminal.
 *
 * @example
 * const bar = await terminalProgressBar(io, { json: flags.json, format: 'goods [{bar}] {percentage}%' });
 * bar?.start(total, 0);
 */
export async function terminalProgressBar(
  io: CommandIo,
  options: ProgressBarOptions,
): Promise<SingleBar | undefined> {
  if (!io.stderrIsTty || options.json || process.env.NO_COLOR) return undefined;
  const { default: progress } = await import('cli-progress');
  return new progress.SingleBar(
    { stream: process.stderr, format: options.format, ...(options.hideCursor && { hideCursor: true }) },
    progress.Presets.shades_classic,
  );
}
