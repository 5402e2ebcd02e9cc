/**
 * The work queue's public face: `openWorkQueue()` gives the in-process queue (the embedded default),
 * `openWorkQueue('nats://host:4222')` the JetStream one. The NATS client is imported only on that
 * path, so commands that never touch a queue start without loading it.
 */
import type { DeadLetterListener, WorkQueue, WorkQueueOptions } from '../core/index.js';
import { LocalWorkQueue } from './local/index.js';

export { LocalWorkQueue } from './local/index.js';

export interface OpenWorkQueueOptions extends Partial<WorkQueueOptions> {
  /** NATS only: names the streams and subjects (default `sentinela`, or `?prefix=` in the URL). */
  prefix?: string;
  /** Told of every chunk this handle dead-letters (a worker records it in the job). */
  onDeadLetter?: DeadLetterListener;
}

/**
 * Opens a work queue by URL: none or `local:` for in-process, `nats://…` (optionally `?prefix=NAME`)
 * for JetStream.
 *
 * @example
 * const queue = await openWorkQueue(process.env.NATS_URL);
 */
export async function openWorkQueue(url?: string, options: OpenWorkQueueOptions = {}): Promise<WorkQueue> {
  if (url === undefined || url === '' || url === 'local:')
    return new LocalWorkQueue(options, options.onDeadLetter);
  if (/^(nats|tls):\/\//.test(url)) {
    const parsed = new URL(url);
    const prefix = options.prefix ?? parsed.searchParams.get('prefix') ?? undefined;
    parsed.search = '';
    const { NatsWorkQueue } = await import('./nats/index.js');
    return NatsWorkQueue.open(parsed.toString(), { ...options, ...(prefix ? { prefix } : {}) });
  }
  throw new Error(`work queue "${url}": expected nats://HOST:PORT or none for the in-process queue`);
}
