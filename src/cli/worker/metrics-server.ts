/**
 * The worker's `/metrics` (Prometheus text format) on a small HTTP listener, so an operator's
 * scraper sees chunks done, redeliveries, dead letters and the queue's lag without a log parser.
 * Binds 127.0.0.1 unless told otherwise; serves nothing but `/metrics` and `/health`, and no data.
 */
import { type Server, createServer } from 'node:http';

export interface MetricSample {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  value: number;
}

/** The metrics in Prometheus text exposition format. */
export function metricsText(samples: readonly MetricSample[]): string {
  return samples
    .map((s) => `# HELP ${s.name} ${s.help}\n# TYPE ${s.name} ${s.type}\n${s.name} ${s.value}\n`)
    .join('');
}

/**
 * @example
 * const server = await startMetricsServer(9464, '127.0.0.1', async () => samples());
 */
export function startMetricsServer(
  port: number,
  host: string,
  samples: () => Promise<MetricSample[]>,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/health')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    samples().then(
      (list) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metricsText(list)),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
