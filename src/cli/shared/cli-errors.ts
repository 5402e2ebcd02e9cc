/**
 * How the CLI reports failures: one readable line on stderr and an exit status that means the same
 * in every command, so scripts and schedulers can tell a typo from bad data from a bug:
 *
 * | status | meaning |
 * |---|---|
 * | 0 | done (rows may have been rejected; the summary counts them) |
 * | 1 | usage: unknown command or option, a bad option value, something not found |
 * | 2 | input rejected: a file (or every row of it) could not be accepted, a store file is not Sentinela's |
 * | 3 | internal error: a bug or an environment failure; `--debug` (or `SENTINELA_DEBUG=1`) prints the stack |
 */
// The defining file, not the core barrel: every command starts here, and the barrel loads zod.
import { InputError } from '../../core/input-error.js';
import { ServiceError } from '../../services/service-error.js';

export const ExitCode = { ok: 0, usage: 1, inputRejected: 2, internal: 3 } as const;

/** Raised by commands for failures the user can act on that are not about input files (network, store). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The end of a batch, after its counts are printed: when rows came in and none was accepted the run
 * failed (status 2), so a scheduler notices a file that was all wrong; some rejected rows are not a
 * failure (status 0, the counts say how many).
 *
 * @example
 * failIfAllRejected('orders.csv', { read: 33, accepted: 0 }); // throws CliError, exit status 2
 */
export function failIfAllRejected(file: string, counts: { read: number; accepted: number }): void {
  if (counts.read > 0 && counts.accepted === 0)
    throw new CliError(`${file}: all ${counts.read} rows rejected; nothing done`, ExitCode.inputRejected);
}

/** Exit status of a user error: 2 for rejected input (and invalid arguments a service refused), else 1. */
export function exitCodeOf(error: InputError | CliError | ServiceError): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ServiceError)
    return error.code === 'invalid' || error.code === 'too-large' ? ExitCode.inputRejected : ExitCode.usage;
  return ExitCode.inputRejected;
}

/** A service's error as the CLI's own: same message, exit status 2 for invalid arguments. */
export function toCliError(error: unknown): unknown {
  return error instanceof ServiceError ? new CliError(error.message, exitCodeOf(error)) : error;
}

/**
 * Wraps a command action so that service errors surface as CliErrors (what the CLI's callers and
 * tests see), whatever the service raised.
 *
 * @example
 * command.action(cliAction(async (flags) => { await screenParty(stores, query); }));
 */
export function cliAction<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      throw toCliError(error);
    }
  };
}

/** Whether stack traces are wanted: `--debug` anywhere on the command line, or SENTINELA_DEBUG=1. */
export function debugWanted(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--debug') || process.env.SENTINELA_DEBUG === '1';
}

/** The exit status and the one line to print for a failure. */
export function describeFailure(error: unknown, debug = debugWanted()): { exitCode: number; text: string } {
  if (error instanceof InputError || error instanceof CliError || error instanceof ServiceError)
    return { exitCode: exitCodeOf(error), text: `sentinela: error: ${error.message}\n` };
  const message = error instanceof Error ? error.message : String(error);
  const detail =
    debug && error instanceof Error && error.stack
      ? error.stack
      : `${message} (this is a bug or an environment failure; run again with --debug for details)`;
  return { exitCode: ExitCode.internal, text: `sentinela: internal error: ${detail}\n` };
}

export function exitWithError(error: unknown): never {
  const { exitCode, text } = describeFailure(error);
  process.stderr.write(text);
  process.exit(exitCode);
}
