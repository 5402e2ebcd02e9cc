import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'sentinela-serve-'));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(cli))('sentinela serve as a real process', () => {
  it('loads the sample data, prints the first admin once, answers /healthz, and exits 0 on SIGTERM', async () => {
    child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', join(dir, 's.sqlite')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const url = await new Promise<string>((resolvePromise, reject) => {
      child!.stdout!.on('data', (c: Buffer) => {
        stdout += c.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (found) resolvePromise(found[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(stdout).toContain('SAMPLE watchlist');
    const password = /one-time password:\s+(\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (let i = 0; i < 200 && (await fetch(`${url}/readyz`)).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // The one-time password signs in, and nothing but a new password is allowed yet.
    const signIn = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${url}/lists`, { headers: { Cookie: cookie } })).status).toBe(403);
    expect(stderr).not.toContain(password!);
    const exit = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).toMatch(/GET \/healthz 200/);
  });
});
