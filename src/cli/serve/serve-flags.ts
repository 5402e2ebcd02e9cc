/**
 * The flags of `sentinela serve`, checked once: port and host, the store, how many worker
 * processes share the port, the screening rate limit, and whether cookies need TLS.
 */
import { InvalidArgumentError } from 'commander';

export interface ServeFlags {
  port: number;
  host: string;
  db?: string;
  /** Worker processes sharing the port (each holds its own screening index). */
  workers: number;
  /** Screening requests per second per caller; 0 switches the limit off. */
  screeningRate: number;
  secureCookies: boolean;
  /** Load `data/sample/` into an empty store on first start. */
  sampleData: boolean;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port number 0–65535');
  return n;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number 1–64');
  return n;
}

export function parseRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected requests per second (0 = no limit)');
  return n;
}
