/**
 * The one conformance suite every WorkQueue implementation passes (in-process and NATS JetStream):
 * the guarantees workers rely on — every chunk acked exactly once, redelivery after the ack-wait,
 * dead letters with their reason after the last delivery, and consumers sharing work without
 * duplicates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkDelivery, WorkQueue, WorkQueueOptions } from '../core/index.js';

export interface WorkQueueImplementation {
  name: string;
  /** Why the suite cannot run here (server down), or undefined when it can. */
  unavailable(): Promise<string | undefined>;
  /**
   * A fresh queue of its own (new stream names per call) and `second()`, another consumer of the
   * same queue as a separate worker would open it; `dispose()` closes both and deletes what it made.
   */
  open(options: WorkQueueOptions): Promise<{
    queue: WorkQueue;
    second(): Promise<WorkQueue>;
    dispose(): Promise<void>;
  }>;
}

/** Pulls until `want` deliveries arrived or `budgetMs` passed. */
async function pullUntil(queue: WorkQueue, want: number, budgetMs: number): Promise<WorkDelivery[]> {
  const got: WorkDelivery[] = [];
  const until = Date.now() + budgetMs;
  while (got.length < want && Date.now() < until) got.push(...(await queue.pull(want - got.length, 1_000)));
  return got;
}

export function runWorkQueueConformance(implementation: WorkQueueImplementation): void {
  describe(`WorkQueue conformance: ${implementation.name}`, async () => {
    const reason = await implementation.unavailable();
    const test = reason ? it.skip : it;
    if (reason) {
      console.warn(`WorkQueue conformance: ${implementation.name} skipped — ${reason}`);
      it.skip(`skipped: ${reason}`, () => {});
    }
    const disposers: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const dispose of disposers.splice(0)) await dispose();
    });
    const open = async (options: Partial<WorkQueueOptions> = {}) => {
      const opened = await implementation.open({ ackWaitMs: 30_000, maxDeliver: 5, ...options });
      disposers.push(opened.dispose);
      return opened;
    };

    test('delivers every chunk once and acks it once in the happy path', async () => {
      const { queue } = await open();
      const chunks = Array.from({ length: 25 }, (_, i) => ({ rows: [`name ${i}`] }));
      expect(await queue.publish('job-a', chunks)).toBe(25);
      const got = await pullUntil(queue, 25, 15_000);
      expect(got.map((d) => d.chunk).sort((a, b) => a - b)).toEqual(chunks.map((_, i) => i));
      expect(got.every((d) => d.jobId === 'job-a' && d.deliveryCount === 1)).toBe(true);
      expect(got.find((d) => d.chunk === 7)?.payload).toEqual({ rows: ['name 7'] });
      for (const d of got) await d.ack();
      expect(await queue.pull(10, 1_000)).toEqual([]);
      expect(await queue.deadLetters()).toEqual([]);
    });

    test('redelivers an unacked chunk after the ack-wait, and not before', async () => {
      const { queue } = await open({ ackWaitMs: 3_000 });
      await queue.publish('job-b', ['only']);
      const [first] = await pullUntil(queue, 1, 5_000);
      expect(first?.deliveryCount).toBe(1);
      expect(await queue.pull(1, 1_000)).toEqual([]); // still within the ack-wait: nobody else gets it
      const [again] = await pullUntil(queue, 1, 5_000);
      expect(again?.chunk).toBe(0);
      expect(again?.payload).toBe('only');
      expect(again?.deliveryCount).toBe(2);
      await again!.ack();
      expect(await queue.pull(1, 2_000)).toEqual([]);
    });

    test('dead-letters a chunk that always fails, with its reason, after max-deliver', async () => {
      const { queue } = await open({ maxDeliver: 3 });
      await queue.publish('job-c', ['good', 'bad']);
      const seen: number[] = [];
      const until = Date.now() + 15_000;
      let acked = 0;
      while (Date.now() < until && (seen.length < 3 || acked < 1)) {
        for (const d of await queue.pull(2, 1_000)) {
          if (d.payload === 'good') {
            await d.ack();
            acked++;
          } else {
            seen.push(d.deliveryCount);
            await d.nak({ reason: 'row 2: field "name" is empty' });
          }
        }
      }
      expect(seen).toEqual([1, 2, 3]);
      expect(acked).toBe(1);
      expect(await queue.pull(2, 1_000)).toEqual([]);
      const dead = await queue.deadLetters('job-c');
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({
        jobId: 'job-c',
        chunk: 1,
        payload: 'bad',
        reason: 'row 2: field "name" is empty',
        deliveries: 3,
      });
      expect(await queue.deadLetters('another-job')).toEqual([]);
    });

    test('term dead-letters at once; a chunk whose deliveries all time out is dead-lettered too', async () => {
      const { queue } = await open({ ackWaitMs: 1_000, maxDeliver: 1 });
      await queue.publish('job-d', ['unparseable', 'abandoned']);
      const got = await pullUntil(queue, 2, 5_000);
      expect(got).toHaveLength(2);
      await got.find((d) => d.payload === 'unparseable')!.term('line 1: not a CSV header');
      // The other is never acked: its one delivery times out.
      await new Promise((r) => setTimeout(r, 1_300));
      expect(await queue.pull(2, 1_000)).toEqual([]);
      const dead = await queue.deadLetters('job-d');
      expect(dead.map((d) => [d.payload, d.reason])).toEqual([
        ['unparseable', 'line 1: not a CSV header'],
        ['abandoned', expect.stringContaining('not acknowledged within the ack-wait after 1 deliveries')],
      ]);
      // Both are gone from the queue, not left in flight to come back after every ack-wait.
      let backlog = await queue.backlog();
      for (const until = Date.now() + 2_000; backlog.inFlight > 0 && Date.now() < until; )
        backlog = await new Promise((r) => setTimeout(r, 100)).then(() => queue.backlog());
      expect(backlog).toEqual({ pending: 0, inFlight: 0 });
    });

    test('backlog counts chunks waiting (the lag) and chunks delivered but not acknowledged', async () => {
      const { queue } = await open();
      await queue.publish('job-f', ['a', 'b', 'c']);
      const settle = async (want: { pending: number; inFlight: number }) => {
        const until = Date.now() + 5_000;
        let got = await queue.backlog();
        while ((got.pending !== want.pending || got.inFlight !== want.inFlight) && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 100));
          got = await queue.backlog();
        }
        return got;
      };
      expect(await settle({ pending: 3, inFlight: 0 })).toEqual({ pending: 3, inFlight: 0 });
      const [first] = await pullUntil(queue, 1, 5_000);
      expect(await settle({ pending: 2, inFlight: 1 })).toEqual({ pending: 2, inFlight: 1 });
      await first!.ack();
      expect(await settle({ pending: 2, inFlight: 0 })).toEqual({ pending: 2, inFlight: 0 });
    });

    test('two consumers share the work without duplicates', async () => {
      const { queue, second } = await open();
      const other = await second();
      const total = 40;
      await queue.publish(
        'job-e',
        Array.from({ length: total }, (_, i) => i),
      );
      const seenBy = [[] as number[], [] as number[]];
      const work = async (consumer: WorkQueue, mine: number[]) => {
        const until = Date.now() + 20_000;
        while (Date.now() < until && seenBy[0]!.length + seenBy[1]!.length < total) {
          for (const d of await consumer.pull(3, 1_000)) {
            mine.push(d.chunk);
            await new Promise((r) => setTimeout(r, 5)); // some work, so both get a share
            await d.ack();
          }
        }
      };
      await Promise.all([work(queue, seenBy[0]!), work(other, seenBy[1]!)]);
      const all = [...seenBy[0]!, ...seenBy[1]!].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(seenBy[0]!.length).toBeGreaterThan(0);
      expect(seenBy[1]!.length).toBeGreaterThan(0);
    });
  });
}
