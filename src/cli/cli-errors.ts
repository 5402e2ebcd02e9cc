/** How the CLI reports failures: one readable line on stderr, a non-zero exit code, no stack for user errors. */
import { InputError } from '../core/index.js';

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

export function exitWithError(error: unknown): never {
  if (error instanceof InputError || error instanceof CliError) {
    process.stderr.write(`sentinela: error: ${error.message}\n`);
    process.exit(error instanceof CliError ? error.exitCode : 2);
  }
  process.stderr.write(
    `sentinela: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
