/**
 * Whether other threads would find cores of their own. `CoreUsageSample` measures how busy the
 * cores are with other processes' work right now, over a short window, from the system's CPU time
 * counters less this process's own CPU time; the one-minute load average (`secondCoreFree`'s
 * default) still counts work that ended up to a minute ago, so a batch started just after another
 * (or after a build) saw a busy machine with both cores idle. A worker beyond the free cores
 * competes for a core instead of using one and adds its own start (measured for reconciliation at
 * 200,000 records per side, load average 13 on 2 cores: matching took 3.0 s of CPU with the worker
 * against 2.0 s without, for no gain in wall time).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * @example
 * const parallel = options.parallel ?? (records >= 100_000 && secondCoreFree());
 */
export function secondCoreFree(cores = availableParallelism(), load = loadavg()[0] ?? 0): boolean {
  return cores - load >= 1.5;
}

/** The window below which a reading says too little (the counters tick every 10 ms per core). */
const MIN_SAMPLE_MS = 100;

/** CPU milliseconds summed over the cores: busy (anything but idle) and in all. */
function systemCpuMs(): { busy: number; all: number } | undefined {
  const cores = cpus();
  if (cores.length === 0) return undefined;
  let busy = 0;
  let all = 0;
  for (const { times } of cores) {
    const used = times.user + times.nice + times.sys + times.irq;
    busy += used;
    all += used + times.idle;
  }
  return all > 0 ? { busy, all } : undefined;
}

/**
 * A reading started now and finished when asked, so the window can be time this process spends
 * anyway (reading its input) instead of a wait.
 *
 * @example
 * const sample = CoreUsageSample.start();
 * // … read the input …
 * const busy = await sample.othersBusyCores(); // e.g. 0.1 on an idle machine; undefined where unknown
 */
export class CoreUsageSample {
  private constructor(
    private readonly startedAt: number,
    private readonly system: { busy: number; all: number } | undefined,
    private readonly own: NodeJS.CpuUsage,
  ) {}

  static start(): CoreUsageSample {
    return new CoreUsageSample(performance.now(), systemCpuMs(), process.cpuUsage());
  }

  /**
   * Cores kept busy by other processes over the window (0 up to the number of cores), waiting
   * until the window is `minMs` long; undefined where the system gives no counters.
   */
  async othersBusyCores(minMs = MIN_SAMPLE_MS): Promise<number | undefined> {
    const waited = minMs - (performance.now() - this.startedAt);
    if (waited > 0) await new Promise((resolve) => setTimeout(resolve, waited));
    const before = this.system;
    const after = systemCpuMs();
    if (!before || !after || after.all <= before.all) return undefined;
    const coreCount = cpus().length;
    const wallMs = (after.all - before.all) / coreCount;
    const own = process.cpuUsage(this.own);
    const othersMs = after.busy - before.busy - (own.user + own.system) / 1000;
    return Math.min(coreCount, Math.max(0, othersMs / wallMs));
  }
}
