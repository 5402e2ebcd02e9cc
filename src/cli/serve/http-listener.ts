/**
 * Puts the API app on a TCP socket and takes it off cleanly: `close()` stops accepting
 * connections, lets the requests under way finish (up to a grace period), closes idle keep-alive
 * connections, and only then resolves — so the caller can close the stores knowing every answered
 * write was committed first.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

export interface HttpListener {
  /** `http://127.0.0.1:8080` — the address actually bound (port 0 picks a free one). */
  url: string;
  port: number;
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Stops accepting, waits for requests under way (at most `graceMs`), then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

/**
 * @example
 * const listener = await listen(app.fetch, { host: '127.0.0.1', port: 8080 });
 * process.on('SIGTERM', () => listener.close().then(() => stores.close()));
 */
export async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  { host, port }: { host: string; port: number },
): Promise<HttpListener> {
  let active = 0;
  const server = createAdaptorServer({ fetch, hostname: host }) as Server;
  // Count requests from arrival until their response is fully sent.
  server.on('request', (_request, response) => {
    active++;
    response.once('close', () => {
      active--;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  async function close(graceMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections would hold close() open; busy ones finish their request first.
    server.closeIdleConnections();
    const deadline = Date.now() + graceMs;
    while (active > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      server.closeIdleConnections();
    }
    server.closeAllConnections();
    await closed;
  }

  return { url: `http://${shownHost}:${address.port}`, port: address.port, inFlight: () => active, close };
}
