/**
 * The work queue that spreads a large job (a file of names to screen, a day of crossings to score)
 * over workers as chunks, and guarantees no chunk is lost when a worker dies: every delivery must be
 * acknowledged explicitly, an unacknowledged one comes back after the ack-wait, and a chunk that keeps
 * failing is moved to a dead-letter record with its reason instead of looping forever. Kept small so
 * an in-process queue (the embedded default) and NATS JetStream implement the same contract.
 */

/** How deliveries are retried; both implementations honour the same numbers. */
export interface WorkQueueOptions {
  /** How long a delivery may stay unacknowledged before it is handed out again (ms). */
  ackWaitMs: number;
  /** Deliveries a chunk gets; one that fails or times out on its last delivery is dead-lettered. */
  maxDeliver: number;
}

export const defaultWorkQueueOptions: WorkQueueOptions = { ackWaitMs: 60_000, maxDeliver: 5 };

/** Called with every chunk this queue handle dead-letters, so a worker can record it in the job. */
export type DeadLetterListener = (letter: DeadLetter) => void | Promise<void>;

/** One delivery of one chunk to one consumer. */
export interface WorkDelivery<T = unknown> {
  jobId: string;
  /** The chunk's position in its job (0-based), so results can be keyed by job and chunk. */
  chunk: number;
  payload: T;
  /** 1 on first delivery, then 2, 3, … */
  deliveryCount: number;
  /** Done: the chunk is removed from the queue for good. */
  ack(): Promise<void>;
  /**
   * Failed for now: hand the chunk out again after `delayMs` (default at once). On the last allowed
   * delivery the chunk goes to the dead letters instead, carrying `reason`.
   */
  nak(options?: { delayMs?: number; reason?: string }): Promise<void>;
  /** Failed for good (bad input that no retry fixes): dead-letter it now with its reason. */
  term(reason: string): Promise<void>;
}

/** A chunk given up on, with why — the job reports these rather than dropping rows silently. */
export interface DeadLetter<T = unknown> {
  jobId: string;
  chunk: number;
  payload: T;
  reason: string;
  deliveries: number;
  at: string;
}

export interface WorkQueue {
  /** Publishes a job's chunks in order; returns how many were queued. */
  publish(jobId: string, chunks: readonly unknown[]): Promise<number>;
  /**
   * Up to `max` deliveries, waiting at most `waitMs` for the first. Several consumers may pull at
   * once; a chunk is handed to one of them at a time.
   */
  pull(max: number, waitMs: number): Promise<WorkDelivery[]>;
  /** Dead letters so far, optionally of one job, in the order they were given up. */
  deadLetters(jobId?: string): Promise<DeadLetter[]>;
  /** Chunks waiting to be delivered (the lag) and delivered but not yet acknowledged, over all jobs. */
  backlog(): Promise<{ pending: number; inFlight: number }>;
  close(): Promise<void>;
}

/** The reason recorded for a chunk whose deliveries all timed out (its worker died or hung). */
export function ackWaitExhaustedReason(deliveries: number): string {
  return `not acknowledged within the ack-wait after ${deliveries} deliveries (worker stopped or hung)`;
}
