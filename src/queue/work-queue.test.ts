/**
 * Runs the WorkQueue conformance suite against each implementation named in `QUEUES` (default
 * `local,nats`). NATS is reached at `NATS_URL` (default nats://127.0.0.1:4222); when it does not
 * answer the NATS run is skipped with the reason — except under CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import { openWorkQueue } from './index.js';
import { NatsWorkQueue } from './nats/index.js';
import { type WorkQueueImplementation, runWorkQueueConformance } from './work-queue.case.js';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const implementations: Record<string, WorkQueueImplementation> = {
  local: {
    name: 'local',
    unavailable: async () => undefined,
    async open(options) {
      const queue = await openWorkQueue(undefined, options);
      return { queue, second: async () => queue, dispose: () => queue.close() };
    },
  },
  nats: {
    name: 'nats',
    async unavailable() {
      try {
        const probe = await NatsWorkQueue.open(natsUrl, {
          prefix: `sentinela_probe_${randomBytes(4).toString('hex')}`,
          connectTimeoutMs: 2_000,
        });
        await probe.remove();
        await probe.close();
        return undefined;
      } catch (error) {
        const reason = `NATS JetStream does not answer at ${natsUrl}: ${(error as Error).message}`;
        if (process.env.CI === 'true') throw new Error(`${reason} (CI must run the NATS queue tests)`);
        return reason;
      }
    },
    async open(options) {
      const prefix = `sentinela_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const queue = await NatsWorkQueue.open(natsUrl, { ...options, prefix });
      const others: NatsWorkQueue[] = [];
      return {
        queue,
        async second() {
          const other = await NatsWorkQueue.open(natsUrl, { ...options, prefix });
          others.push(other);
          return other;
        },
        async dispose() {
          for (const other of others) await other.close();
          await queue.remove();
          await queue.close();
        },
      };
    },
  },
};

const selection = process.env.QUEUES ?? 'local,nats';
for (const name of selection
  .split(',')
  .map((n) => n.trim())
  .filter((n) => n !== '')) {
  const implementation = implementations[name];
  if (!implementation)
    throw new Error(
      `QUEUES=${selection}: no work queue "${name}" (known: ${Object.keys(implementations).join(', ')})`,
    );
  runWorkQueueConformance(implementation);
}
