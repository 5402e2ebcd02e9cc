/**
 * The in-process work queue: the embedded default, for one machine running workers as async tasks.
 * Same contract as JetStream (explicit acks, redelivery after the ack-wait, dead letters after the
 * last delivery) so code written against it behaves the same when the queue moves to NATS; it keeps
 * nothing across a restart, which is what the NATS implementation is for.
 */
import {
  type DeadLetter,
  type DeadLetterListener,
  type WorkDelivery,
  type WorkQueue,
  type WorkQueueOptions,
  ackWaitExhaustedReason,
  defaultWorkQueueOptions,
} from '../../core/index.js';

interface Entry {
  jobId: string;
  chunk: number;
  payload: unknown;
  deliveries: number;
  /** When it may be handed out (next delivery, nak delay, or ack-wait expiry while in flight). */
  availableAt: number;
  /** Identifies the current delivery, so a late ack of an expired delivery cannot settle a newer one. */
  token: number;
  settled: boolean;
}

export class LocalWorkQueue implements WorkQueue {
  private readonly options: WorkQueueOptions;
  private readonly entries: Entry[] = [];
  private readonly dead: DeadLetter[] = [];
  private nextToken = 1;
  private closed = false;

  constructor(
    options: Partial<WorkQueueOptions> = {},
    private readonly onDeadLetter?: DeadLetterListener,
  ) {
    this.options = { ...defaultWorkQueueOptions, ...options };
  }

  async publish(jobId: string, chunks: readonly unknown[]): Promise<number> {
    this.assertOpen();
    const now = Date.now();
    chunks.forEach((payload, chunk) => {
      this.entries.push({ jobId, chunk, payload, deliveries: 0, availableAt: now, token: 0, settled: false });
    });
    return chunks.length;
  }

  async pull(max: number, waitMs: number): Promise<WorkDelivery[]> {
    this.assertOpen();
    const until = Date.now() + waitMs;
    for (;;) {
      const taken = this.take(max);
      if (taken.length > 0 || Date.now() >= until || this.closed) return taken;
      await new Promise((r) => setTimeout(r, Math.min(10, Math.max(1, until - Date.now()))));
    }
  }

  async deadLetters(jobId?: string): Promise<DeadLetter[]> {
    return this.dead.filter((d) => jobId === undefined || d.jobId === jobId).map((d) => ({ ...d }));
  }

  async backlog(): Promise<{ pending: number; inFlight: number }> {
    const now = Date.now();
    let pending = 0;
    let inFlight = 0;
    for (const e of this.entries) {
      if (e.settled) continue;
      if (e.token !== 0 && e.availableAt > now) inFlight++;
      else pending++;
    }
    return { pending, inFlight };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('work queue is closed');
  }

  private take(max: number): WorkDelivery[] {
    const now = Date.now();
    const out: WorkDelivery[] = [];
    for (const entry of this.entries) {
      if (out.length >= max) break;
      if (entry.settled || entry.availableAt > now) continue;
      if (entry.deliveries >= this.options.maxDeliver) {
        // Its last delivery ran out of time: the worker died or hung on it.
        this.bury(entry, ackWaitExhaustedReason(entry.deliveries));
        continue;
      }
      entry.deliveries += 1;
      entry.token = this.nextToken++;
      entry.availableAt = now + this.options.ackWaitMs;
      out.push(this.delivery(entry, entry.token));
    }
    this.compact();
    return out;
  }

  private delivery(entry: Entry, token: number): WorkDelivery {
    const current = () => !entry.settled && entry.token === token;
    return {
      jobId: entry.jobId,
      chunk: entry.chunk,
      payload: entry.payload,
      deliveryCount: entry.deliveries,
      ack: async () => {
        if (current()) entry.settled = true;
        this.compact();
      },
      nak: async (options = {}) => {
        if (!current()) return;
        if (entry.deliveries >= this.options.maxDeliver)
          this.bury(entry, options.reason ?? `failed on all ${entry.deliveries} deliveries`);
        else {
          entry.token = 0;
          entry.availableAt = Date.now() + (options.delayMs ?? 0);
        }
      },
      term: async (reason: string) => {
        if (current()) this.bury(entry, reason);
      },
    };
  }

  private bury(entry: Entry, reason: string): void {
    entry.settled = true;
    const letter: DeadLetter = {
      jobId: entry.jobId,
      chunk: entry.chunk,
      payload: entry.payload,
      reason,
      deliveries: entry.deliveries,
      at: new Date().toISOString(),
    };
    this.dead.push(letter);
    // The listener's failure must not undo the burial; the job picks the letter up from deadLetters().
    Promise.resolve()
      .then(() => this.onDeadLetter?.({ ...letter }))
      .catch(() => undefined);
  }

  /** Drops settled entries from the front so a long-running queue does not grow without bound. */
  private compact(): void {
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.settled) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }
}
