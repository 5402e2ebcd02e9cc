/**
 * The worker loop behind `sentinela worker`: pull chunks from the work queue, run each with
 * `runJobChunk`, acknowledge only once its results are stored, and keep going through trouble.
 * A failed chunk is handed back with a growing delay (and dead-lettered with its reason on its last
 * delivery, or at once when no retry can fix it); a lost queue or database connection is retried
 * with backoff while nothing is acknowledged; `stop()` drains — no new pulls, the chunks in hand
 * finish and are acknowledged — so a SIGTERM never costs work. Counters feed `/metrics`.
 */
import type { DeadLetter, Stores, WorkDelivery, WorkQueue } from '../core/index.js';
import { PermanentChunkError, runJobChunk } from './job-run-chunk.js';
import { PinnedScreeners } from './pinned-screener.js';
import { ScreeningThreadSlots } from './screening-thread-slots.js';
import { ServiceError } from './service-error.js';

/** Tries of a chunk inside one delivery when the database or a connection fails. */
const inPlaceAttempts = 4;

export interface JobWorkerOptions {
  /**
   * Chunks worked on at once (default 1). With 1 a chunk is screened in the worker's own thread;
   * with more, each chunk in flight gets a screening thread, so N uses N cores.
   */
  concurrency?: number;
  /** How long one pull waits for work (ms, default 1,000). */
  pullWaitMs?: number;
  /** First retry delay after a failure (ms, default 500); doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** One line per notable event (a failure, a reconnect), for the door to print. */
  log?: (line: string) => void;
}

export interface JobWorkerCounters {
  chunksDone: number;
  rowsDone: number;
  /** Deliveries that were not a chunk's first. */
  redeliveries: number;
  /** Chunks this worker dead-lettered. */
  deadLetters: number;
  /** Chunks acknowledged without running: already done, dead, or of a cancelled job. */
  chunksSkipped: number;
  chunkFailures: number;
  /** Failed pulls (queue unreachable). */
  pullFailures: number;
  inFlight: number;
}

/**
 * @example
 * const worker = new JobWorker(stores, queue, { concurrency: 2 });
 * process.on('SIGTERM', () => worker.stop());
 * await worker.run();
 */
export class JobWorker {
  readonly counters: JobWorkerCounters = {
    chunksDone: 0,
    rowsDone: 0,
    redeliveries: 0,
    deadLetters: 0,
    chunksSkipped: 0,
    chunkFailures: 0,
    pullFailures: 0,
    inFlight: 0,
  };
  private readonly screeners: PinnedScreeners;
  private readonly slots: ScreeningThreadSlots | undefined;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: Required<Omit<JobWorkerOptions, 'log'>> & Pick<JobWorkerOptions, 'log'>;

  constructor(
    private readonly stores: Stores,
    private readonly queue: WorkQueue,
    options: JobWorkerOptions = {},
  ) {
    this.options = { concurrency: 1, pullWaitMs: 1_000, backoffMs: 500, maxBackoffMs: 30_000, ...options };
    this.screeners = new PinnedScreeners(stores);
    this.slots =
      this.options.concurrency > 1
        ? new ScreeningThreadSlots(this.screeners, this.options.concurrency)
        : undefined;
  }

  /** Records a chunk the queue gave up on (every delivery timed out, or the last one failed). */
  async deadLettered(letter: DeadLetter): Promise<void> {
    this.counters.deadLetters++;
    await this.withRetry(`recording dead chunk ${letter.chunk} of ${letter.jobId}`, () =>
      this.stores.jobs.deadChunk(letter.jobId, letter.chunk, letter.reason, letter.deliveries, letter.at),
    );
  }

  /** Pulls and runs chunks until `stop()`; resolves once the chunks in hand are finished. */
  async run(): Promise<void> {
    let backoff = this.options.backoffMs;
    while (!this.stopping) {
      const free = this.options.concurrency - this.inFlight.size;
      if (free <= 0) {
        await Promise.race(this.inFlight);
        continue;
      }
      let deliveries: WorkDelivery[];
      try {
        deliveries = await this.queue.pull(free, this.options.pullWaitMs);
        backoff = this.options.backoffMs;
      } catch (error) {
        if (this.stopping) break;
        this.counters.pullFailures++;
        this.log(`pulling work failed (${(error as Error).message}); retrying in ${backoff} ms`);
        await sleep(backoff);
        backoff = Math.min(this.options.maxBackoffMs, backoff * 2);
        continue;
      }
      for (const delivery of deliveries) {
        const task = this.work(delivery).finally(() => {
          this.inFlight.delete(task);
          this.counters.inFlight = this.inFlight.size;
        });
        this.inFlight.add(task);
        this.counters.inFlight = this.inFlight.size;
      }
    }
    await Promise.all(this.inFlight);
    await this.slots?.close();
  }

  /** Stop pulling; `run()` resolves once the chunks in hand are finished and acknowledged. */
  stop(): void {
    this.stopping = true;
  }

  get stopped(): boolean {
    return this.stopping;
  }

  private async work(delivery: WorkDelivery): Promise<void> {
    if (delivery.deliveryCount > 1) this.counters.redeliveries++;
    // Let the pull loop and the metrics endpoint run before a CPU-bound chunk takes the thread.
    await new Promise((r) => setImmediate(r));
    let result: Awaited<ReturnType<typeof runJobChunk>>;
    try {
      result = await this.runWithRetries(delivery);
    } catch (error) {
      this.counters.chunkFailures++;
      const reason = (error as Error).message;
      this.log(
        `job ${delivery.jobId} chunk ${delivery.chunk} (delivery ${delivery.deliveryCount}) failed: ${reason}`,
      );
      try {
        if (error instanceof PermanentChunkError) await delivery.term(reason);
        else
          await delivery.nak({
            delayMs: Math.min(
              this.options.maxBackoffMs,
              this.options.backoffMs * 2 ** (delivery.deliveryCount - 1),
            ),
            reason,
          });
      } catch (settleError) {
        // The queue is gone: the chunk comes back after its ack-wait anyway.
        this.log(
          `could not hand back chunk ${delivery.chunk} of ${delivery.jobId}: ${(settleError as Error).message}`,
        );
      }
      return;
    }
    // The results are stored: acknowledging is all that is left. If the queue is unreachable the
    // chunk is redelivered later and skipped as already done, so a failed ack loses nothing.
    try {
      await delivery.ack();
    } catch (error) {
      this.log(
        `ack of chunk ${delivery.chunk} of ${delivery.jobId} failed (${(error as Error).message}); it will be skipped when redelivered`,
      );
    }
    if (result.outcome === 'run') {
      this.counters.chunksDone++;
      this.counters.rowsDone += result.rows;
    } else this.counters.chunksSkipped++;
  }

  /**
   * Runs the chunk, retrying in place (with backoff, without handing it back) when the failure
   * looks like lost infrastructure — a database or connection error rather than a verdict on the
   * chunk — so a short outage does not use up the chunk's deliveries.
   */
  private async runWithRetries(delivery: WorkDelivery): Promise<Awaited<ReturnType<typeof runJobChunk>>> {
    let backoff = this.options.backoffMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await (this.slots
          ? this.slots.with((screen) => runJobChunk(this.stores, this.screeners, delivery, screen))
          : runJobChunk(this.stores, this.screeners, delivery));
      } catch (error) {
        const verdict = error instanceof PermanentChunkError || error instanceof ServiceError;
        if (verdict || attempt >= inPlaceAttempts || this.stopping) throw error;
        this.log(
          `job ${delivery.jobId} chunk ${delivery.chunk}: ${(error as Error).message}; retrying in ${backoff} ms`,
        );
        await sleep(backoff);
        backoff = Math.min(this.options.maxBackoffMs, backoff * 2);
      }
    }
  }

  private async withRetry<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
    let backoff = this.options.backoffMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await action();
      } catch (error) {
        if (attempt >= 5) {
          this.log(`${what} failed ${attempt} times, giving up: ${(error as Error).message}`);
          return undefined;
        }
        await sleep(backoff);
        backoff = Math.min(this.options.maxBackoffMs, backoff * 2);
      }
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
