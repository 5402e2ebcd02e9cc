/**
 * The users, tokens and audit commands run in-process as a user would type them, on a real SQLite
 * file; plus the built binary for what only a real process shows (the token alone on its last
 * line, the exit code of a failed verification).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditCommand from '../audit/audit-command.js';
import * as tokensCommand from '../tokens/tokens-command.js';
import * as usersCommand from '../users/users-command.js';
import { type CliRun, runCli } from './testing/run-cli.js';
import { openSqlite } from '../../store/sqlite/sqlite-database.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-access-cli-'));
  db = join(dir, 'sentinela.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = CliRun;

function cli(args: string[], stdin = ''): Promise<Run> {
  return runCli([usersCommand, tokensCommand, auditCommand], [...args, '--db', db], { stdin });
}

describe('sentinela users', () => {
  it('adds users from a password file or standard input, lists and disables them', async () => {
    const pw = join(dir, 'pw.txt');
    writeFileSync(pw, 'ana long password\n');
    expect((await cli(['users', 'add', 'Ana', '--role', 'analyst', '--password-file', pw])).out).toBe(
      'Added ana (analyst).\n',
    );
    expect((await cli(['users', 'add', 'sam', '--role', 'supervisor'], 'sam long password\n')).out).toBe(
      'Added sam (supervisor).\n',
    );
    expect((await cli(['users', 'add', 'hub', '--role', 'analyst', '--no-password'])).out).toMatch(
      /tokens only/,
    );
    const list = await cli(['users', 'list']);
    expect(
      list.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['ana analyst', 'hub analyst', 'sam supervisor']);
    const json = JSON.parse((await cli(['users', 'list', '--json'])).out) as unknown[];
    expect(JSON.stringify(json)).not.toContain('scrypt');
    expect((await cli(['users', 'disable', 'sam'])).out).toMatch(/sam is disabled/);
    expect((await cli(['users', 'list'])).out).toMatch(/sam\s+supervisor.*\(disabled\)/);
    const reset = (await cli(['users', 'reset-password', 'ana'])).out.trimEnd().split('\n');
    expect(reset[reset.length - 1]).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await cli(['users', 'list'])).out).toMatch(/ana\s+analyst.*must change password/);
  });

  it('refuses bad input with a message naming it', async () => {
    expect(
      (await cli(['users', 'add', 'ana', '--role', 'analyst'], 'another long password')).error?.message,
    ).toMatch(/already exists/);
    const short = await cli(['users', 'add', 'bo', '--role', 'analyst'], 'short\n');
    expect(short.error).toMatchObject({ message: expect.stringMatching(/at least 12/), exitCode: 2 });
    expect((await cli(['users', 'add', 'bo', '--role', 'analyst'], '')).error?.message).toMatch(
      /standard input was empty/,
    );
    expect((await cli(['users', 'add', 'bo', '--role', 'boss'])).error?.message).toMatch(/boss.*is invalid/);
    expect((await cli(['users', 'disable', 'nobody'])).error?.message).toMatch(/no user named nobody/);
  });
});

describe('sentinela tokens', () => {
  it('creates a token printed alone on the last line, lists it without the secret, revokes it', async () => {
    const created = await cli([
      'tokens',
      'create',
      '--user',
      'hub',
      '--scope',
      'screen',
      '--scope',
      'read',
      '--label',
      'payments',
    ]);
    const lines = created.out.trimEnd().split('\n');
    const secret = lines[lines.length - 1]!;
    expect(secret).toMatch(/^snt_[A-Za-z0-9_-]{43}$/);
    const id = /Token (tok-[0-9a-f]+)/.exec(created.out)![1]!;
    const list = await cli(['tokens', 'list']);
    expect(list.out).toContain(`${id}  hub  screen,read  active`);
    expect(list.out).not.toContain(secret);
    expect(readFileSync(db).includes(Buffer.from(secret))).toBe(false);
    expect((await cli(['tokens', 'revoke', id])).out).toBe(`Token ${id} of hub is revoked.\n`);
    expect((await cli(['tokens', 'list', '--user', 'hub'])).out).toMatch(/revoked/);
  });

  it('refuses unknown scopes and users', async () => {
    expect((await cli(['tokens', 'create', '--user', 'hub', '--scope', 'root'])).error?.message).toMatch(
      /scope "root": expected one of/,
    );
    expect((await cli(['tokens', 'create', '--user', 'zed', '--scope', 'read'])).error?.message).toMatch(
      /no user named zed/,
    );
    expect((await cli(['tokens', 'revoke', 'tok-000000000000'])).error?.message).toMatch(/no token/);
  });
});

describe('sentinela audit', () => {
  it('verifies, checkpoints to a kept file, exports, and names the first bad entry after tampering', async () => {
    const ok = await cli(['audit', 'verify']);
    expect(ok.error).toBeUndefined();
    expect(ok.out).toMatch(/OK — \d+ entries, chain intact/);
    const kept = join(dir, 'kept-checkpoint.json');
    expect((await cli(['audit', 'checkpoint', '--output', kept])).out).toMatch(
      /Checkpoint signed: \d+ entries/,
    );
    const exportDir = join(dir, 'export');
    expect((await cli(['audit', 'export', '--output', exportDir])).out).toMatch(/Exported \d+ entries/);
    const pem = join(exportDir, 'audit-public-key.pem');
    expect((await cli(['audit', 'verify', '--export', exportDir, '--public-key', pem])).out).toMatch(/OK/);
    expect((await cli(['audit', 'export', '--output', exportDir])).error?.message).toMatch(/already holds/);
    expect((await cli(['audit', 'log', '--action', 'user.add'])).out.trim().split('\n')).toHaveLength(3);

    const raw = openSqlite(db);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;");
    raw.close();
    const bad = await cli(['audit', 'verify', '--checkpoint', kept]);
    expect(bad.error).toMatchObject({ exitCode: 1 });
    expect(bad.error?.message).toMatch(/FAILED verification: entry 2 \(user\.add on user:sam\) was edited/);
    // the export taken before the tampering still verifies
    expect(
      (await cli(['audit', 'verify', '--export', exportDir, '--checkpoint', kept])).error,
    ).toBeUndefined();
  });
});

const binary = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');

describe.skipIf(!existsSync(binary))('the built binary (skipped until `npm run build`)', () => {
  it('prints the token alone on the last line and exits 1 on a tampered log', () => {
    const path = join(dir, 'binary.sqlite');
    const run = (...args: string[]) =>
      execFileSync('node', [binary, ...args, '--db', path], { encoding: 'utf8' });
    run('users', 'add', 'hub', '--role', 'analyst', '--no-password');
    const lines = run('tokens', 'create', '--user', 'hub', '--scope', 'screen').trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^snt_[A-Za-z0-9_-]{43}$/);
    const raw = openSqlite(path);
    raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 1;');
    raw.close();
    const verify = spawnSync('node', [binary, 'audit', 'verify', '--db', path], { encoding: 'utf8' });
    expect(verify.status).toBe(1);
    expect(verify.stderr).toMatch(/FAILED verification: entry 1 is missing/);
  });
});
