/** How the CLI reports failures: one readable line on stderr, a non-zero exit code, no stack for user errors. */
import { InputError } from '../core/index.js';
import { ServiceError } from '../services/service-error.js';

/** Raised by commands for failures the user can act on that are not about input files (network, store). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit status of a user error: 2 for bad input or arguments, 1 for everything else. */
export function exitCodeOf(error: InputError | CliError | ServiceError): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ServiceError) return error.code === 'invalid' ? 2 : 1;
  return 2;
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

export function exitWithError(error: unknown): never {
  if (error instanceof InputError || error instanceof CliError || error instanceof ServiceError) {
    process.stderr.write(`sentinela: error: ${error.message}\n`);
    process.exit(exitCodeOf(error));
  }
  process.stderr.write(
    `sentinela: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
