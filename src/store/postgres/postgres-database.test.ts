/**
 * Start-up against a PostgreSQL server that is not there: the connection is retried with backoff,
 * then the error is one line naming the URL with its password hidden — from the store opener and
 * from the CLI (exit status 2, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { openPostgres } from './postgres-database.js';

/** A port nothing listens on: bound for a moment by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('opening PostgreSQL when the server is down', () => {
  it('retries with growing waits, then fails with one line naming the URL without its password', async () => {
    const url = `postgres://ana:s3cret@127.0.0.1:${await closedPort()}/sentinela`;
    const started = Date.now();
    const error = await openPostgres(url, { attempts: 3, backoffMs: 100 }).catch((e: unknown) => e);
    // Waits of 100 and 200 ms between the three attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /cannot connect to PostgreSQL at postgres:\/\/ana:\*\*\*@127\.0\.0\.1:\d+\/sentinela after 3 attempts: .*ECONNREFUSED/,
    );
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('\n');
  });

  const cli = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
  it.skipIf(!existsSync(cli))(
    'ends a CLI command with exit status 2 and one line, no stack trace',
    async () => {
      const url = `postgres://ana:s3cret@127.0.0.1:${await closedPort()}/sentinela`;
      const run = spawnSync(process.execPath, [cli, 'db', 'status', '--db', url], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/cannot connect to PostgreSQL at postgres:\/\/ana:\*\*\*@/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr).not.toContain('s3cret');
    },
    60_000,
  );
});
