/**
 * The server tier: two `sentinela serve` processes on one PostgreSQL database. A session made by
 * signing in through one is accepted by the other, and failed sign-ins are counted across both,
 * so a guesser spreading attempts over the processes behind a load balancer gains nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPrincipal } from '../../services/principal.js';
import { addUser } from '../../services/users.js';
import { openPostgresStores } from '../../store/postgres/postgres-stores.js';
import {
  dropTestSchema,
  freshTestSchema,
  postgresAnswers,
  testPostgresUrl,
} from '../../store/postgres/postgres-test-schema.js';

const cli = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
const available = await postgresAnswers();
if (!available && process.env.CI === 'true')
  throw new Error(`PostgreSQL does not answer at ${testPostgresUrl}`);

const schema = freshTestSchema();
const url = `${testPostgresUrl}?schema=${schema}`;
const children: ChildProcess[] = [];

/** Starts `serve` on a free port and resolves with its address once it listens. */
function serve(): Promise<string> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--db', url, '--no-sample-data', '--workers', '1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise<string>((resolvePromise, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (found) resolvePromise(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

function signIn(base: string, password: string): Promise<Response> {
  return fetch(`${base}/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'ana', password }),
  });
}

describe.skipIf(!available || !existsSync(cli))('two serve processes on one PostgreSQL database', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    const stores = await openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
    try {
      await addUser(stores, localPrincipal(), {
        name: 'ana',
        role: 'analyst',
        password: 'correct horse battery staple',
      });
    } finally {
      await stores.close();
    }
    [first, second] = await Promise.all([serve(), serve()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    await dropTestSchema(schema);
  });

  it('accepts a session made through one process on the other, and ends it there for both', async () => {
    expect(first).not.toBe(second);
    const signedIn = await signIn(first, 'correct horse battery staple');
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${second}/alerts`)).status).toBe(401);
    expect((await fetch(`${second}/alerts`, { headers: { Cookie: cookie } })).status).toBe(200);
    const { csrfToken } = (await (
      await fetch(`${second}/auth/session`, { headers: { Cookie: cookie } })
    ).json()) as {
      csrfToken: string;
    };
    const signOut = await fetch(`${second}/auth/sign-out`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(signOut.status).toBeLessThan(300);
    expect((await fetch(`${first}/alerts`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('counts failed sign-ins across both processes', async () => {
    // Five failures are free and the sixth locks (the default limits); they alternate between the
    // processes, so either alone saw three: only counting them together locks the name.
    for (let i = 0; i < 6; i++)
      expect((await signIn(i % 2 === 0 ? first : second, `wrong ${i}`)).status).toBe(401);
    const locked = await signIn(second, 'correct horse battery staple');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(first, 'correct horse battery staple')).status).toBe(429);
  });
});
