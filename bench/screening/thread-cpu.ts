/**
 * CPU time per thread of this process, from /proc/self/task (Linux; 10 ms resolution), to tell
 * where a batch's CPU goes: the main thread, each worker thread, and the threads the process had
 * before the workers started — V8's background threads (its optimising compiler and the helpers
 * of its garbage collector, shared by every isolate of the process) and libuv's.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) by thread id; undefined where /proc is not there. */
export type ThreadCpu = Map<number, number>;

export function threadCpu(): ThreadCpu | undefined {
  try {
    const out: ThreadCpu = new Map();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * What each kind of thread spent between two readings: the main thread (this process's id), the
 * threads born after `born` (the workers; by default born in between; read `after` before they
 * are terminated), and the other threads that were already there.
 */
export function threadCpuNote(
  before: ThreadCpu | undefined,
  after: ThreadCpu | undefined,
  born: ThreadCpu | undefined = before,
): string {
  if (!before || !after || !born) return 'CPU by thread: n/a';
  const spent = (tid: number) => after.get(tid)! - (before.get(tid) ?? 0);
  const workers: number[] = [];
  let background = 0;
  for (const tid of after.keys()) {
    if (tid === process.pid) continue;
    if (born.has(tid)) background += spent(tid);
    else workers.push(spent(tid));
  }
  const s = (v: number) => v.toFixed(2);
  return `CPU by thread: main ${s(spent(process.pid))} s${workers.length ? `, workers ${workers.map(s).join(' + ')} s` : ''}, V8 background threads (optimising compiler, GC helpers) ${s(background)} s`;
}

/**
 * The cores the screening threads got between `from` and `to` (`seconds` of wall time): the
 * workers (threads born after `start`), else the main thread. On a machine other processes share,
 * a rate is only as high as the cores it was given.
 */
export function coresNote(
  start: ThreadCpu | undefined,
  from: ThreadCpu | undefined,
  to: ThreadCpu | undefined,
  seconds: number,
): string {
  if (!start || !from || !to || seconds <= 0) return 'cores used: n/a';
  const born = [...to.keys()].filter((tid) => !start.has(tid));
  const screening = born.length > 0 ? born : [process.pid];
  const cpu = screening.reduce((sum, tid) => sum + to.get(tid)! - (from.get(tid) ?? 0), 0);
  return `the ${born.length > 0 ? 'workers' : 'main thread'} got ${(cpu / seconds).toFixed(2)} cores over these ${seconds.toFixed(2)} s`;
}
