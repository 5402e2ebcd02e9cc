/**
 * What `sentinela serve` does as a process: checks the bind address, prepares the store on a
 * first start, then serves — in this process, or in `--workers` cluster processes sharing the port
 * (each with its own screening index) with this one forwarding SIGTERM and waiting for them all.
 */
import cluster from 'node:cluster';
import { resolveStoreLocation } from '../../store/index.js';
import { exposureWarning } from './bind-address.js';
import { prepareFirstStart } from './first-start.js';
import type { ServeFlags } from './serve-flags.js';
import { runServeWorker } from './serve-worker.js';

export async function runServe(flags: ServeFlags): Promise<void> {
  const location = resolveStoreLocation(flags.db);
  if (cluster.isWorker) {
    await runServeWorker(flags, location, { announce: false });
    return;
  }
  const warning = exposureWarning(flags.host);
  if (warning) process.stderr.write(`${warning}\n`);
  await prepareFirstStart(location, flags);
  if (flags.workers === 1) {
    await runServeWorker(flags, location, { announce: true });
    return;
  }
  await runPrimary(flags);
}

/** Forks the workers, prints the address once one listens, and stops them all on SIGTERM/SIGINT. */
async function runPrimary(flags: ServeFlags): Promise<void> {
  let stopping = false;
  let announced = false;
  for (let i = 0; i < flags.workers; i++) cluster.fork();
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    const host = address.addressType === 6 ? `[${address.address}]` : address.address;
    process.stdout.write(
      `sentinela serve: listening on http://${host}:${address.port} (${flags.workers} workers)\n`,
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `serve: worker ${worker.process.pid} ended (${signal ?? code}); stopping the others\n`,
      );
      stop(1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
  });
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    if (code) process.exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
}
