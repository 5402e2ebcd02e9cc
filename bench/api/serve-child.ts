/**
 * Runs `sentinela serve` as a real child process, as an operator would: waits for it to print its
 * address, times start-up to /healthz and to /readyz, and stops it with SIGTERM, checking the exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../shared-data-path.js';

export interface ServeChild {
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz, and to the first 200 from /readyz. */
  healthyMs: number;
  readyMs: number;
  process: ChildProcess;
  /** SIGTERM, then the exit code (null if killed by a signal). */
  stop(): Promise<number | null>;
}

/** The CLI entry point of the built package. */
export function cliPath(): string {
  return join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
}

async function waitFor(url: string, until: number): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (performance.now() > until) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * @example
 * const server = await startServe(['--db', dbPath, '--port', '0', '--workers', '2']);
 * … await server.stop();
 */
export async function startServe(args: string[], timeoutMs = 180_000): Promise<ServeChild> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliPath(), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`serve did not print its address:\n${output}`)), timeoutMs);
  });
  // The request log is not needed here; drain it so the pipe never blocks the server.
  child.stderr!.resume();
  child.stdout!.resume();
  const healthyAt = await waitFor(`${url}/healthz`, started + timeoutMs);
  const readyAt = await waitFor(`${url}/readyz`, started + timeoutMs);
  return {
    url,
    healthyMs: healthyAt - started,
    readyMs: readyAt - started,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
