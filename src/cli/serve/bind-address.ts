/**
 * The address `serve` binds: loopback by default, because the API speaks plain HTTP and carries
 * customer names and session cookies. Binding anything else is allowed but warned about: put a
 * TLS-terminating proxy in front.
 */

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return loopback.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The warning printed when binding beyond this machine, or undefined for loopback. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  return (
    `warning: listening on ${host}, reachable from other machines over plain HTTP. ` +
    'Put a TLS-terminating reverse proxy in front (and start with --secure-cookies), or bind 127.0.0.1.'
  );
}
