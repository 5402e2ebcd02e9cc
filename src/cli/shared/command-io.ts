/**
 * What every command reads and writes, in one interface so that tests run any command in-process
 * (`testing/run-cli.ts`) instead of each spying on the process streams its own way: results to
 * stdout, messages to stderr, emphasis and progress only on a terminal, secrets from standard input
 * (never from an argument, which `ps` would show), and the exit status of a run that ends without
 * an error.
 */

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Emphasis for headers; identity when colour is off. */
  bold(text: string): string;
  /** All of standard input as text. */
  readStdin(): Promise<string>;
  readonly stdinIsTty: boolean;
  /** Whether stderr is a terminal, where progress may be drawn. */
  readonly stderrIsTty: boolean;
  /**
   * The status to end with when the command returns without throwing: a batch whose every row was
   * rejected (2), a run stopped by a signal (130, 143). Failures throw instead (cli-errors.ts).
   */
  setExitCode(code: number): void;
}

/** The process's streams; bold only on a TTY without NO_COLOR. */
export function processIo(): CommandIo {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    bold: (text) => (color ? `\u001b[1m${text}\u001b[22m` : text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    get stdinIsTty() {
      return Boolean(process.stdin.isTTY);
    },
    get stderrIsTty() {
      return process.stderr.isTTY === true;
    },
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}
