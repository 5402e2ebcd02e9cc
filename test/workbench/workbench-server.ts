/**
 * A real `sentinela serve` for the browser tests: a fresh SQLite file, the sample data and the
 * first admin created by the server's first start, on a free port; then analysts, a supervisor and
 * an auditor added through the CLI.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve('dist/src/cli/main.js');

export interface WorkbenchServer {
  url: string;
  /** What serve printed at start (the first admin's one-time password among it). */
  output: string;
  db: string;
  dir: string;
  stop(): Promise<void>;
}

export const testUsers = {
  analyst: { name: 'ana.analyst', password: 'analyst-pass-123456', role: 'analyst' },
  analyst2: { name: 'beto.analyst', password: 'analyst2-pass-123456', role: 'analyst' },
  supervisor: { name: 'sara.supervisor', password: 'supervisor-pass-123456', role: 'supervisor' },
  auditor: { name: 'olga.auditor', password: 'auditor-pass-123456', role: 'auditor' },
} as const;

export function addUsers(db: string, dir: string): void {
  for (const user of Object.values(testUsers)) {
    const file = join(dir, `${user.name}.pw`);
    writeFileSync(file, `${user.password}\n`, { mode: 0o600 });
    execFileSync(
      'node',
      [cli, 'users', 'add', user.name, '--role', user.role, '--password-file', file, '--db', db],
      {
        stdio: 'pipe',
      },
    );
  }
}

export async function startServer(prepare?: (db: string, dir: string) => void): Promise<WorkbenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-workbench-'));
  const db = join(dir, 'workbench.sqlite');
  const child: ChildProcess = spawn('node', [cli, 'serve', '--port', '0', '--db', db, '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolveUrl(found[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  // Users and other engines' alerts are added beside the running server, as an operator would
  // after the first start (which created the first admin because there were no users yet).
  addUsers(db, dir);
  prepare?.(db, dir);
  // Ready once the sample lists are loaded and the index is built.
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${url}/readyz`).catch(() => undefined);
    if (ready?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output,
    db,
    dir,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
