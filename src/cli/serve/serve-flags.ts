/**
 * The flags of `sentinela serve`, checked once: port and host, the store, how many worker
 * processes share the port, the screening rate limit, and whether cookies need TLS.
 */
import { numberParser } from '../shared/option-parsers.js';

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

/** Worker processes: each holds its own screening index, so a few dozen at most. */
export const parseWorkers = numberParser(
  'a whole number 1–64',
  (n) => Number.isInteger(n) && n >= 1 && n <= 64,
);

/** Screening requests per second per caller; 0 switches the limit off. */
export const parseRate = numberParser('requests per second (0 = no limit)', (n) => n >= 0);
