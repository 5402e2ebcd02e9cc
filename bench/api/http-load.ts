/**
 * One bounded autocannon run against the server: requests per second, latency percentiles,
 * errors and non-2xx answers, with a request body generator so every request screens a
 * different name.
 */
import autocannon from 'autocannon';

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadRun {
  url: string;
  method: 'GET' | 'POST';
  token: string;
  connections: number;
  seconds: number;
  /** The body of the i-th request (POST), or the path of the i-th request (GET). */
  next: (i: number) => string;
}

/** @example const figures = await runLoad({ url, method: 'POST', token, connections: 8, seconds: 10, next }); */
export async function runLoad(run: LoadRun): Promise<LoadFigures> {
  let i = 0;
  const target = new URL(run.url);
  const result = await autocannon({
    url: target.origin,
    connections: run.connections,
    duration: run.seconds,
    timeout: 10,
    requests: [
      {
        method: run.method,
        path: target.pathname,
        headers: { authorization: `Bearer ${run.token}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const value = run.next(i++);
          return run.method === 'POST' ? { ...request, body: value } : { ...request, path: value };
        },
      },
    ],
  });
  return {
    connections: run.connections,
    seconds: run.seconds,
    requests: result.requests.total,
    perSecond: result.requests.total / run.seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
