/** How a job's status reads on a terminal: one summary line, then one line per dead chunk. */
import type { JobStatus } from '../../core/index.js';

/**
 * @example
 * io.out(formatJobStatus(status));
 */
export function formatJobStatus(s: JobStatus): string {
  const { job, chunks } = s;
  const counts = Object.entries(s.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `job ${job.id} (${job.kind} ${job.input}): ${s.state}`,
    `  rows ${s.rowsDone}/${job.rows}; chunks ${chunks.done} done, ${chunks.pending} pending, ${chunks.dead} dead of ${chunks.total}; ${s.redeliveries} redeliveries`,
    ...(counts ? [`  ${counts}`] : []),
    `  pinned: ${job.pins.listVersionIds ? `list versions ${job.pins.listVersionIds.join(', ')}` : ''}${job.pins.catalogVersionId === undefined ? '' : ` catalog version ${job.pins.catalogVersionId}`}`,
    `  submitted ${job.createdAt}${s.finishedAt ? `, finished ${s.finishedAt}` : ''}${job.cancelledAt ? `, cancelled ${job.cancelledAt}` : ''}`,
    ...s.dead.map((d) => `  dead chunk ${d.chunk} after ${d.deliveries} deliveries: ${d.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
