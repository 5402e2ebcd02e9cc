/**
 * One serving process: opens the stores, builds the API on the services, listens, then builds the
 * screening index in the background (so /healthz answers first). On SIGTERM or SIGINT it stops
 * accepting, lets requests under way finish, closes the stores and exits 0.
 */
import { apiDependenciesOnStores, createApiApp } from '../../api/index.js';
import { openStores } from '../../store/index.js';
import type { ServeFlags } from './serve-flags.js';
import { bufferedLog } from './buffered-log.js';
import { listen } from './http-listener.js';

export async function runServeWorker(flags: ServeFlags, location: string): Promise<void> {
  const stores = await openStores(location);
  const requestLog = bufferedLog((chunk) => process.stderr.write(chunk));
  const log = (line: string) => requestLog.line(line);
  const { deps, readiness } = apiDependenciesOnStores(stores);
  const { app } = createApiApp(deps, {
    log,
    processMetrics: true,
    secureCookies: flags.secureCookies,
    screeningRate:
      flags.screeningRate > 0
        ? { perSecond: flags.screeningRate, burst: flags.screeningRate * 2 }
        : undefined,
    redact: [location],
  });
  const listener = await listen(app.fetch, { host: flags.host, port: flags.port });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await listener.close();
    await stores.close();
    requestLog.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  // After the first answers: the index build is CPU work on this thread.
  setImmediate(() => {
    void readiness.warm((error) =>
      log(`serve: screening index build failed: ${error instanceof Error ? error.name : 'error'}`),
    );
  });
}
