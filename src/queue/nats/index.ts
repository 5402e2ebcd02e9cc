/** The NATS JetStream work queue, public face (import it dynamically: it loads the NATS client). */
export { NatsWorkQueue, type NatsWorkQueueOptions } from './nats-work-queue.js';
