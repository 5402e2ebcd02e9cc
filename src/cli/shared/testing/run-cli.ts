/**
 * Runs a command in-process for the CLI tests, with the same commander wiring as the binary: every
 * command (and subcommand) throws instead of exiting, and both the command's output and commander's
 * own (help, usage errors) land in the returned strings, so a test reads what a user would see and
 * what `main` would report. The one way the CLI tests capture output.
 */
import { Command } from 'commander';
import type { CommandIo } from '../command-io.js';

/** A command module as `command-table.ts` loads it, taking the io to write to. */
export interface RegistersCommand {
  register(program: Command, io: CommandIo): void;
}

export interface CliRun {
  out: string;
  err: string;
  /** What the command threw (CliError, InputError, CommanderError…), as `main` would report it. */
  error?: Error & { exitCode?: number; code?: string };
  /** The status a command that did not throw asked to end with (`io.setExitCode`), if any. */
  exitCode?: number;
}

export interface CliRunOptions {
  /** What standard input holds (for passwords read from a pipe). */
  stdin?: string;
}

/** A CommandIo that keeps what is written: `stdout` and `stderr` as text, no colour, no terminal. */
export interface CapturedIo extends CommandIo {
  stdout: string;
  stderr: string;
  /** What `setExitCode` was last given. */
  exitCode?: number;
}

/**
 * @example
 * const io = captureIo();
 * await runTargetingEval(options, io); // then read io.stdout, io.stderr
 */
export function captureIo(stdin = ''): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out: (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
    },
    bold: (text) => text,
    readStdin: async () => stdin,
    stdinIsTty: false,
    stderrIsTty: false,
    setExitCode: (code) => {
      io.exitCode = code;
    },
  };
  return io;
}

/**
 * @example
 * const { out, error } = await runCli([listsCommand], ['lists', 'list', '--db', dbPath]);
 */
export async function runCli(
  modules: RegistersCommand[],
  args: string[],
  options: CliRunOptions = {},
): Promise<CliRun> {
  const io = captureIo(options.stdin);
  const run: CliRun = {
    get out() {
      return io.stdout;
    },
    get err() {
      return io.stderr;
    },
    get exitCode() {
      return io.exitCode;
    },
  };
  const program = new Command('sentinela').enablePositionalOptions();
  for (const module of modules) module.register(program, io);
  const wire = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    command.commands.forEach(wire);
  };
  wire(program);
  try {
    await program.parseAsync(['node', 'sentinela', ...args]);
  } catch (error) {
    run.error = error as CliRun['error'];
  }
  return run;
}

/**
 * `runCli` for tests that assert on a failure with `rejects.toThrow`: resolves to the run, or
 * rejects with what the command threw.
 *
 * @example
 * const screen = cliRunner([screenCommand], ['screen']);
 * expect((await screen('Joaquin Guzman', '--db', db)).out).toMatch(/MATCH/);
 * await expect(screen('--input', 'absent.csv', '--db', db)).rejects.toThrow(/file not found/);
 */
export function cliRunner(
  modules: RegistersCommand[],
  prefix: string[] = [],
): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    const run = await runCli(modules, [...prefix, ...args]);
    if (run.error) throw run.error;
    return run;
  };
}

/** Commands run one after another, their output added up (a test may reset `out`/`err` between runs). */
export interface CliSession {
  out: string;
  err: string;
  /** Runs `prefix… args…`; resolves to what the command threw, undefined on success. */
  run(...args: string[]): Promise<CliRun['error']>;
}

/**
 * @example
 * const cli = cliSession([warningCommand], ['warning']);
 * expect(await cli.run('run', '--input', file)).toBeUndefined();
 * expect(cli.err).toMatch(/rows in/);
 */
export function cliSession(modules: RegistersCommand[], prefix: string[] = []): CliSession {
  const session: CliSession = {
    out: '',
    err: '',
    async run(...args) {
      const result = await runCli(modules, [...prefix, ...args]);
      session.out += result.out;
      session.err += result.err;
      return result.error;
    },
  };
  return session;
}
