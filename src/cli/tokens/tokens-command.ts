/**
 * `sentinela tokens`: API tokens for systems that call the HTTP API. `create` prints the new token
 * alone on its last line (so `| tail -1` captures it); it is shown once and stored only as a hash.
 */
import type { Command } from 'commander';
import { tokenScopes } from '../../auth/index.js';
import type { TokenInfo } from '../../services/tokens.js';
import { accessRequest } from '../shared/access-stores.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { collectCommaSeparated, parsePositive } from '../shared/option-parsers.js';

interface CreateFlags {
  db?: string;
  user: string;
  scope: string[];
  label?: string;
  expiresDays?: number;
  json?: boolean;
}

function createAction(flags: CreateFlags, io: CommandIo): Promise<void> {
  const expiresInDays = flags.expiresDays;
  return accessRequest(
    flags,
    io,
    async (stores, operator) => {
      const { createToken } = await import('../../services/tokens.js');
      const { token, secret } = await createToken(stores, operator, {
        userName: flags.user,
        scopes: flags.scope,
        ...(flags.label ? { label: flags.label } : {}),
        ...(expiresInDays !== undefined ? { expiresInDays } : {}),
      });
      return { ...token, token: secret };
    },
    (token) =>
      `Token ${token.id} for ${token.userName} (scopes: ${token.scopes.join(', ')}` +
      `${token.expiresAt ? `; expires ${token.expiresAt.slice(0, 10)}` : ''}). ` +
      'It is shown only now; store it in your secret manager:\n' +
      `${token.token}\n`,
  );
}

/** A token's line in `tokens list`: id, user, scopes, state, when created and last used, label. */
function tokenLine(t: TokenInfo): string {
  const state = t.revokedAt
    ? `revoked ${t.revokedAt.slice(0, 10)}`
    : t.expiresAt && Date.parse(t.expiresAt) <= Date.now()
      ? `expired ${t.expiresAt.slice(0, 10)}`
      : 'active';
  return (
    `${t.id}  ${t.userName}  ${t.scopes.join(',')}  ${state}  created ${t.createdAt.slice(0, 10)}` +
    `  last used ${t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace('T', ' ') : 'never'}` +
    `${t.label ? `  "${t.label}"` : ''}\n`
  );
}

function listAction(flags: { db?: string; user?: string; json?: boolean }, io: CommandIo): Promise<void> {
  return accessRequest(
    flags,
    io,
    async (stores, operator) =>
      (await import('../../services/tokens.js')).listTokens(
        stores,
        operator,
        flags.user ? { userName: flags.user } : {},
      ),
    (tokens) => (tokens.length === 0 ? 'No API tokens.\n' : tokens.map(tokenLine).join('')),
  );
}

function revokeAction(id: string, flags: { db?: string; json?: boolean }, io: CommandIo): Promise<void> {
  return accessRequest(
    flags,
    io,
    async (stores, operator) => (await import('../../services/tokens.js')).revokeToken(stores, operator, id),
    (token) => `Token ${token.id} of ${token.userName} is revoked.\n`,
  );
}

/** Adds `tokens` and its subcommands to `program`; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const tokens = program
    .command('tokens')
    .description('API tokens for systems calling the HTTP API: create, list, revoke')
    .showHelpAfterError();
  tokens
    .command('create')
    .description('create a token; prints it alone on the last line, once')
    .requiredOption('--user <name>', 'the user the token acts as')
    .requiredOption(
      '--scope <scope>',
      `what the token may do (repeat or comma-separate): ${tokenScopes.join(', ')}`,
      collectCommaSeparated,
    )
    .option('--label <text>', 'what the token is for, e.g. "payments hub"')
    .option(
      '--expires-days <days>',
      'stop working after this many days (default: until revoked)',
      parsePositive,
    )
    .addOption(dbOption('the tokens'))
    .option('--json', 'print the token and its facts as JSON')
    .action((flags: CreateFlags) => createAction(flags, io));
  tokens
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--user <name>', "only this user's tokens")
    .addOption(dbOption('the tokens'))
    .option('--json', 'print JSON')
    .action((flags: { db?: string; user?: string; json?: boolean }) => listAction(flags, io));
  tokens
    .command('revoke')
    .description('revoke a token at once')
    .argument('<id>', 'the token id (tok-…) from tokens list')
    .addOption(dbOption('the tokens'))
    .option('--json', 'print the token as JSON')
    .action((id: string, flags: { db?: string; json?: boolean }) => revokeAction(id, flags, io));
}
