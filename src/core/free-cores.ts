/**
 * Whether a second thread would find a core of its own: cores minus the one-minute load average.
 * A worker beyond the free cores competes for a core instead of using one and adds its own start
 * (measured for reconciliation at 200,000 records per side, load average 13 on 2 cores: matching
 * took 3.0 s of CPU with the worker against 2.0 s without, for no gain in wall time).
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * @example
 * const parallel = options.parallel ?? (records >= 100_000 && secondCoreFree());
 */
export function secondCoreFree(cores = availableParallelism(), load = loadavg()[0] ?? 0): boolean {
  return cores - load >= 1.5;
}
