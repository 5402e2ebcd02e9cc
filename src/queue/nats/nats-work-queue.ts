/**
 * The work queue on NATS JetStream, for batches spread over many machines that must survive one of
 * them dying mid-chunk. Chunks go to a work-queue retention stream (a message lives until acked)
 * read through one durable pull consumer with explicit acks and an ack-wait, so an unacked chunk is
 * redelivered to another worker. This side enforces the delivery limit so a chunk given up on is
 * published to a dead-letter subject with its reason (JetStream's own max_deliver would only leave
 * it stuck in the stream with an advisory). It also counts the deliveries: on receipt, in a note per
 * chunk in a third stream. JetStream's delivery count is no measure of them, as it can include a
 * delivery no worker received (a pull the client gave up on just as the server answered it), which
 * on a loaded machine spent a failing chunk's last delivery and buried it with an ack-wait reason
 * instead of its own.
 * Loaded only through a dynamic import (src/queue/index.ts), so the embedded CLI never pays for it.
 */
import {
  AckPolicy,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  RetentionPolicy,
  StorageType,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import {
  type DeadLetter,
  type DeadLetterListener,
  type WorkDelivery,
  type WorkQueue,
  type WorkQueueOptions,
  ackWaitExhaustedReason,
  defaultWorkQueueOptions,
} from '../../core/index.js';

export interface NatsWorkQueueOptions extends WorkQueueOptions {
  /** Names this deployment's streams and subjects, so several share one NATS (and tests stay apart). */
  prefix: string;
  /** How long to wait for the server when connecting (ms). */
  connectTimeoutMs: number;
  /** Told of every chunk this handle dead-letters. */
  onDeadLetter?: DeadLetterListener;
}

interface WorkMessage {
  jobId: string;
  chunk: number;
  payload: unknown;
}

/** How many deliveries of a chunk a worker has received so far. */
interface TriesNote {
  deliveries: number;
}

const token = /^[A-Za-z0-9_-]+$/;
const publishWindow = 256;

function assertToken(what: string, value: string): void {
  if (!token.test(value))
    throw new Error(`${what} "${value}" must be letters, digits, "_" or "-" (it names a NATS subject)`);
}

export class NatsWorkQueue implements WorkQueue {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly consumer: Consumer,
    private readonly options: NatsWorkQueueOptions,
  ) {}

  /** Stream of chunks (work-queue retention). */
  get workStream(): string {
    return `${this.options.prefix}_work`;
  }

  /** Stream that keeps the dead letters so a job can report them. */
  get deadStream(): string {
    return `${this.options.prefix}_dead`;
  }

  /** Stream of one note per chunk in the queue: the deliveries workers received, the last failure. */
  get triesStream(): string {
    return `${this.options.prefix}_tries`;
  }

  /**
   * Connects and makes sure the streams and the durable consumer exist (idempotent: every worker
   * and submitter calls it).
   *
   * @example
   * const queue = await NatsWorkQueue.open('nats://127.0.0.1:4222', { prefix: 'sentinela' });
   */
  static async open(url: string, options: Partial<NatsWorkQueueOptions> = {}): Promise<NatsWorkQueue> {
    const full: NatsWorkQueueOptions = {
      ...defaultWorkQueueOptions,
      prefix: 'sentinela',
      connectTimeoutMs: 5_000,
      ...options,
    };
    assertToken('prefix', full.prefix);
    // A worker outlives server restarts: it keeps reconnecting (never acking what it did not finish).
    const nc = await connect({
      servers: url,
      timeout: full.connectTimeoutMs,
      name: 'sentinela',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    try {
      const jsm = await jetstreamManager(nc);
      const work = `${full.prefix}_work`;
      const dead = `${full.prefix}_dead`;
      await ensureStream(jsm, {
        name: work,
        subjects: [`${full.prefix}.work.>`],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
      });
      await ensureStream(jsm, {
        name: dead,
        subjects: [`${full.prefix}.dead.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
      });
      await ensureStream(jsm, {
        name: `${full.prefix}_tries`,
        subjects: [`${full.prefix}.tries.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_msgs_per_subject: 1,
      });
      const durable = `${full.prefix}_workers`;
      const consumerConfig = {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        ack_wait: full.ackWaitMs * 1_000_000,
        // Unlimited here: the limit is enforced on receipt so the last failure is dead-lettered.
        max_deliver: -1,
        filter_subject: `${full.prefix}.work.>`,
      };
      try {
        await jsm.consumers.add(work, consumerConfig);
      } catch {
        await jsm.consumers.update(work, durable, { ack_wait: consumerConfig.ack_wait });
      }
      const js = jetstream(nc);
      const consumer = await js.consumers.get(work, durable);
      return new NatsWorkQueue(nc, js, jsm, consumer, full);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(jobId: string, chunks: readonly unknown[]): Promise<number> {
    assertToken('job id', jobId);
    const subject = `${this.options.prefix}.work.${jobId}`;
    for (let start = 0; start < chunks.length; start += publishWindow) {
      const window = chunks.slice(start, start + publishWindow);
      await Promise.all(
        window.map((payload, i) => {
          const message: WorkMessage = { jobId, chunk: start + i, payload };
          // The message id makes a re-submitted chunk a duplicate JetStream drops, not a second copy.
          return this.js.publish(subject, JSON.stringify(message), { msgID: `${jobId}:${start + i}` });
        }),
      );
    }
    return chunks.length;
  }

  /** Waits at least a second when fewer than `max` chunks are ready (JetStream's shortest pull expiry). */
  async pull(max: number, waitMs: number): Promise<WorkDelivery[]> {
    const out: WorkDelivery[] = [];
    const messages = await this.consumer.fetch({ max_messages: max, expires: Math.max(1_000, waitMs) });
    try {
      for await (const msg of messages) {
        const delivery = await this.receive(msg);
        if (delivery) out.push(delivery);
      }
    } catch (error) {
      // A fetch can end in an error after handing over messages JetStream has already counted as
      // delivered (nats.js stops it when two idle heartbeats go unseen, as when a loaded machine
      // starves this event loop for a second). Work those rather than leave each to its ack-wait,
      // which would spend one of its deliveries; with none received the caller retries the pull.
      if (out.length === 0) throw error;
    }
    return out;
  }

  async deadLetters(jobId?: string): Promise<DeadLetter[]> {
    const info = await this.jsm.streams.info(this.deadStream);
    const out: DeadLetter[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const stored = await this.jsm.streams.getMessage(this.deadStream, { seq }).catch(() => null);
      if (!stored) continue;
      const letter = stored.json<DeadLetter>();
      if (jobId === undefined || letter.jobId === jobId) out.push(letter);
    }
    return out;
  }

  async backlog(): Promise<{ pending: number; inFlight: number }> {
    const info = await this.consumer.info();
    return { pending: info.num_pending, inFlight: info.num_ack_pending };
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  /** Deletes the streams (and so the consumer): for tests and for tearing a deployment down. */
  async remove(): Promise<void> {
    for (const stream of [this.workStream, this.deadStream, this.triesStream])
      await this.jsm.streams.delete(stream).catch(() => false);
  }

  private async receive(msg: JsMsg): Promise<WorkDelivery | undefined> {
    const message = msg.json<WorkMessage>();
    let deliveries: number;
    try {
      deliveries = ((await this.triesNote(message))?.deliveries ?? 0) + 1;
      // Counted before the chunk is worked, so a chunk that kills its worker still runs out of them.
      if (deliveries <= this.options.maxDeliver) await this.noteTries(message, { deliveries });
    } catch (error) {
      msg.nak(); // not counted: back at once rather than after its ack-wait
      throw error;
    }
    if (deliveries > this.options.maxDeliver) {
      // Its last delivery ran out of time: the worker died or hung on it.
      await this.bury(msg, message, ackWaitExhaustedReason(deliveries - 1), deliveries - 1);
      return undefined;
    }
    return {
      jobId: message.jobId,
      chunk: message.chunk,
      payload: message.payload,
      deliveryCount: deliveries,
      ack: async () => {
        await msg.ackAck();
        await this.forgetTries(message);
      },
      nak: async (options = {}) => {
        if (deliveries >= this.options.maxDeliver)
          await this.bury(
            msg,
            message,
            options.reason ?? `failed on all ${deliveries} deliveries`,
            deliveries,
          );
        else msg.nak(options.delayMs);
      },
      term: async (reason: string) => {
        await this.bury(msg, message, reason, deliveries);
      },
    };
  }

  /** Dead letter first (acknowledged by its stream), then terminate the chunk: a crash between the
   *  two redelivers it and re-publishes the same dead letter, which the message id deduplicates. */
  private async bury(msg: JsMsg, message: WorkMessage, reason: string, deliveries: number): Promise<void> {
    const letter: DeadLetter = {
      jobId: message.jobId,
      chunk: message.chunk,
      payload: message.payload,
      reason,
      deliveries,
      at: new Date().toISOString(),
    };
    await this.js.publish(`${this.options.prefix}.dead.${message.jobId}`, JSON.stringify(letter), {
      msgID: `dead:${message.jobId}:${message.chunk}`,
    });
    // No reason on the TERM: servers before 2.10 ignore "+TERM <reason>" and redeliver the chunk
    // after its ack-wait (the reason is in the dead letter).
    msg.term();
    await this.nc.flush();
    await this.forgetTries(message);
    await Promise.resolve(this.options.onDeadLetter?.(letter)).catch(() => undefined);
  }

  private triesSubject(message: WorkMessage): string {
    return `${this.options.prefix}.tries.${message.jobId}.${message.chunk}`;
  }

  private async triesNote(message: WorkMessage): Promise<TriesNote | undefined> {
    const stored = await this.jsm.streams.getMessage(this.triesStream, {
      last_by_subj: this.triesSubject(message),
    });
    return stored?.json<TriesNote>();
  }

  private async noteTries(message: WorkMessage, note: TriesNote): Promise<void> {
    await this.js.publish(this.triesSubject(message), JSON.stringify(note));
  }

  /** A settled chunk's note goes; one left behind (a crash in between) only holds a count. */
  private async forgetTries(message: WorkMessage): Promise<void> {
    await this.jsm.streams
      .purge(this.triesStream, { filter: this.triesSubject(message) })
      .catch(() => undefined);
  }
}

async function ensureStream(
  jsm: JetStreamManager,
  config: {
    name: string;
    subjects: string[];
    retention: RetentionPolicy;
    storage: StorageType;
    max_msgs_per_subject?: number;
  },
): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch {
    await jsm.streams.add(config);
  }
}
