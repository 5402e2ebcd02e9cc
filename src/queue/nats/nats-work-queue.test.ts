/**
 * What only the JetStream queue can get wrong, against a real NATS (skipped with the reason when it
 * does not answer, except under CI): a delivery JetStream counted but no worker received must not
 * spend one of the chunk's deliveries.
 */
import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { NatsWorkQueue } from './nats-work-queue.js';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const opened: NatsWorkQueue[] = [];
afterEach(async () => {
  for (const queue of opened.splice(0)) {
    await queue.remove();
    await queue.close();
  }
});

async function open(maxDeliver: number): Promise<NatsWorkQueue | string> {
  try {
    const prefix = `sentinela_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const queue = await NatsWorkQueue.open(natsUrl, {
      prefix,
      ackWaitMs: 1_000,
      maxDeliver,
      connectTimeoutMs: 2_000,
    });
    opened.push(queue);
    return queue;
  } catch (error) {
    const reason = `NATS JetStream does not answer at ${natsUrl}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI must run the NATS queue tests)`);
    return reason;
  }
}

describe('NatsWorkQueue delivery count', () => {
  it('a delivery no worker received (its pull abandoned) does not spend the chunk; its failure keeps its reason', async (ctx) => {
    const queue = await open(1);
    if (typeof queue === 'string') return ctx.skip(queue);
    await queue.publish('job-lost', ['rows']);
    // A client takes the chunk and drops it unseen, as nats.js does with a message that reaches a
    // fetch it has stopped ("heartbeats missed" on a starved event loop): JetStream counts a delivery.
    const nc = await connect({ servers: natsUrl });
    try {
      const consumer = await jetstream(nc).consumers.get(
        queue.workStream,
        `${queue.workStream.replace(/_work$/, '')}_workers`,
      );
      const dropped = await consumer.next({ expires: 2_000 });
      expect(dropped?.info.deliveryCount).toBe(1);
    } finally {
      await nc.close();
    }
    // Back after its ack-wait: still its first delivery to a worker, so its failure is its own.
    let got = await queue.pull(1, 1_000);
    for (let i = 0; got.length === 0 && i < 5; i++) got = await queue.pull(1, 1_000);
    expect(got.map((d) => [d.payload, d.deliveryCount])).toEqual([['rows', 1]]);
    await got[0]!.nak({ reason: 'list version 7 is not in the store' });
    expect(await queue.deadLetters('job-lost')).toMatchObject([
      { chunk: 0, reason: 'list version 7 is not in the store', deliveries: 1 },
    ]);
  }, 20_000);
});
