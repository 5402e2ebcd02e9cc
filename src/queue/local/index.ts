/** The in-process work queue, public face. */
export { LocalWorkQueue } from './local-work-queue.js';
