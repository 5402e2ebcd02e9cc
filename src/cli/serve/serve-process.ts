/**
 * What `sentinela serve` does as a process: checks the bind address, prepares the store on a
 * first start, then forks `--workers` processes that share the port and answer at once, while this
 * one builds the screening index snapshot beside the store; when it is written the workers open it
 * (no preparation, milliseconds) and become ready. This process forwards SIGTERM and waits for them.
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
    await runServeWorker(flags, location);
    return;
  }
  const warning = exposureWarning(flags.host);
  if (warning) process.stderr.write(`${warning}\n`);
  await prepareFirstStart(location, flags);
  await runPrimary(flags, location);
}

/**
 * Builds (or finds) the snapshot of the newest list versions' index in this process, so no worker
 * spends its event loop on it. A store without lists, or a failed build, is left to the workers'
 * readiness to report.
 */
async function prebuildIndex(location: string): Promise<void> {
  const { openStores } = await import('../../store/index.js');
  const { ScreenerCache } = await import('../../services/screener-cache.js');
  const stores = await openStores(location);
  try {
    await new ScreenerCache(stores).current();
  } catch {
    // Reported by the workers' /readyz (no lists, or the reason in their log).
  } finally {
    await stores.close();
  }
}

/** Forks the workers, prints the address once one listens, and stops them all on SIGTERM/SIGINT. */
async function runPrimary(flags: ServeFlags, location: string): Promise<void> {
  let stopping = false;
  let announced = false;
  for (let i = 0; i < flags.workers; i++) cluster.fork();
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    const host = address.addressType === 6 ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    const workers = flags.workers === 1 ? '1 worker' : `${flags.workers} workers`;
    process.stdout.write(`sentinela serve: listening on ${url} (${workers})\n`);
    process.stdout.write(
      `  workbench ${url}/ · API reference ${url}/docs (sign in, or send "Authorization: Bearer <token>" from \`sentinela tokens create\`)\n`,
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
  await prebuildIndex(location);
  for (const worker of Object.values(cluster.workers ?? {})) worker?.send({ type: 'warm' });
}
