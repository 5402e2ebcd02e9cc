/**
 * Prometheus metrics for the API: requests by method, route pattern and status, their durations,
 * and screenings performed. One registry per app, so tests and several apps in a process do not
 * share counters.
 */
import type { MiddlewareHandler } from 'hono';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { routePattern } from './request-log.js';

export interface ApiMetrics {
  registry: Registry;
  /** Counts middleware: records every request once it has been answered. */
  middleware: MiddlewareHandler;
  screenedParties: Counter<'endpoint'>;
}

/**
 * @example
 * const metrics = createApiMetrics({ processMetrics: true });
 * app.use('*', metrics.middleware);
 * const text = await metrics.registry.metrics();
 */
export function createApiMetrics(options: { processMetrics?: boolean } = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'sentinela_' });
  const requests = new Counter({
    name: 'sentinela_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'sentinela_http_request_duration_seconds',
    help: 'Time from receiving a request to its response, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const screenedParties = new Counter({
    name: 'sentinela_screened_parties_total',
    help: 'Parties screened through the API, by endpoint',
    labelNames: ['endpoint'] as const,
    registers: [registry],
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePattern(c);
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    durations.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
  };
  return { registry, middleware, screenedParties };
}
