/**
 * `sentinela users`: add, list, disable and enable the people and systems that use this
 * installation. Run at the terminal of the machine holding the database, recorded in the audit
 * trail as `local:<os user>`.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { roles } from '../../auth/index.js';
import type { PublicUser } from '../../services/users.js';
import { accessRequest } from '../shared/access-stores.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

interface AddFlags {
  db?: string;
  role: string;
  passwordFile?: string;
  /** `--no-password` sets this to false: a user who only uses API tokens. */
  password: boolean;
  json?: boolean;
}

/** The password from a file or standard input; one trailing line break is not part of it. */
async function readPassword(flags: AddFlags, io: CommandIo): Promise<string | undefined> {
  if (!flags.password) return undefined;
  let text: string;
  if (flags.passwordFile) {
    try {
      text = readFileSync(flags.passwordFile, 'utf8');
    } catch (error) {
      throw new CliError(
        `--password-file ${flags.passwordFile}: ${(error as Error).message}`,
        ExitCode.inputRejected,
      );
    }
  } else {
    if (io.stdinIsTty)
      throw new CliError(
        'give the password with --password-file FILE or on standard input (e.g. from a password manager), or --no-password',
        ExitCode.inputRejected,
      );
    text = await io.readStdin();
    if (!text.trim())
      throw new CliError(
        'standard input was empty: no password given (or use --no-password)',
        ExitCode.inputRejected,
      );
  }
  const password = text.replace(/\r?\n$/, '');
  if (password.includes('\n')) throw new CliError('the password must be one line', ExitCode.inputRejected);
  return password;
}

async function addAction(name: string, flags: AddFlags, io: CommandIo): Promise<void> {
  const password = await readPassword(flags, io);
  await accessRequest(
    flags,
    io,
    async (stores, operator) =>
      (await import('../../services/users.js')).addUser(stores, operator, {
        name,
        role: flags.role,
        ...(password !== undefined ? { password } : {}),
      }),
    (user) =>
      `Added ${user.name} (${user.role})${user.hasPassword ? '' : ', no password: API tokens only'}.\n`,
  );
}

/** The users as `users list` shows them: name, role, since when, and what limits them. */
function userLines(users: PublicUser[]): string {
  if (users.length === 0) return 'No users. Add one with: sentinela users add NAME --role ROLE\n';
  const width = Math.max(4, ...users.map((u) => u.name.length));
  return users
    .map((u) => {
      const notes = [
        u.disabled ? 'disabled' : '',
        u.mustChangePassword ? 'must change password' : '',
        u.hasPassword ? '' : 'tokens only',
      ].filter(Boolean);
      return `${u.name.padEnd(width)}  ${u.role.padEnd(10)}  since ${u.createdAt.slice(0, 10)}${notes.length ? `  (${notes.join(', ')})` : ''}\n`;
    })
    .join('');
}

function listAction(flags: { db?: string; json?: boolean }, io: CommandIo): Promise<void> {
  return accessRequest(
    flags,
    io,
    async (stores, operator) => (await import('../../services/users.js')).listUsers(stores, operator),
    userLines,
  );
}

function toggleAction(name: string, flags: { db?: string; json?: boolean }, enable: boolean, io: CommandIo) {
  return accessRequest(
    flags,
    io,
    async (stores, operator) => {
      const { disableUser, enableUser } = await import('../../services/users.js');
      return (enable ? enableUser : disableUser)(stores, operator, name);
    },
    (user) =>
      enable
        ? `${user.name} is enabled.\n`
        : `${user.name} is disabled: signed out everywhere; their API tokens no longer work.\n`,
  );
}

function resetAction(name: string, flags: { db?: string; json?: boolean }, io: CommandIo): Promise<void> {
  return accessRequest(
    flags,
    io,
    async (stores, operator) =>
      (await import('../../services/users.js')).resetPassword(stores, operator, name),
    (reset) =>
      `One-time password for ${reset.name} (shown only now; they must choose their own at the next sign-in; their sessions are ended):\n` +
      `${reset.oneTimePassword}\n`,
  );
}

/** Adds `users` and its subcommands to `program`; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const users = program
    .command('users')
    .description('people and systems that use this installation: add, list, disable, enable, reset-password')
    .showHelpAfterError();
  users
    .command('add')
    .description('add a user; the password comes from --password-file or standard input, never an argument')
    .argument('<name>', 'sign-in name (letters, digits, . _ - @)')
    .addOption(
      new Option('--role <role>', 'what the user may do (see docs/access-and-audit.md)')
        .choices(roles)
        .makeOptionMandatory(),
    )
    .option('--password-file <file>', 'read the password from this file (first line)')
    .option('--no-password', 'no password: the user only uses API tokens')
    .addOption(dbOption('the users'))
    .option('--json', 'print the user as JSON')
    .action((name: string, flags: AddFlags) => addAction(name, flags, io));
  users
    .command('list')
    .description('list users with their roles')
    .addOption(dbOption('the users'))
    .option('--json', 'print JSON')
    .action((flags: { db?: string; json?: boolean }) => listAction(flags, io));
  users
    .command('disable')
    .description('disable a user: ends their sessions and stops their tokens (users are never deleted)')
    .argument('<name>')
    .addOption(dbOption('the users'))
    .option('--json', 'print the user as JSON')
    .action((name: string, flags: { db?: string; json?: boolean }) => toggleAction(name, flags, false, io));
  users
    .command('reset-password')
    .description(
      'give a user a one-time password (printed once, alone on the last line) to replace at sign-in',
    )
    .argument('<name>')
    .addOption(dbOption('the users'))
    .option('--json', 'print the name and one-time password as JSON')
    .action((name: string, flags: { db?: string; json?: boolean }) => resetAction(name, flags, io));
  users
    .command('enable')
    .description('enable a disabled user again')
    .argument('<name>')
    .addOption(dbOption('the users'))
    .option('--json', 'print the user as JSON')
    .action((name: string, flags: { db?: string; json?: boolean }) => toggleAction(name, flags, true, io));
}
