/**
 * `sentinela serve`: the HTTP API on the embedded store. Binds 127.0.0.1:8080 by default, answers
 * /healthz at once and builds the screening index in the background, loads the sample data and
 * creates the first admin on a first start, and shuts down cleanly on SIGTERM.
 */
import type { Command } from 'commander';
import { dbOption } from '../shared/db-option.js';
import { parsePort } from '../shared/option-parsers.js';
import { parseRate, parseWorkers, type ServeFlags } from './serve-flags.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (screening, yente /match, lists, alerts, cases) on 127.0.0.1')
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <address>', 'address to bind; anything but loopback needs TLS in front', '127.0.0.1')
    .addOption(dbOption())
    .option('--workers <n>', 'processes sharing the port, each with its own screening index', parseWorkers, 1)
    .option(
      '--screening-rate <n>',
      'screening requests per second per caller (burst: twice that; 0 = no limit)',
      parseRate,
      200,
    )
    .option(
      '--secure-cookies',
      'mark the session cookie Secure (TLS terminates in front of the server)',
      false,
    )
    .option('--no-sample-data', 'do not load data/sample/ into an empty store on first start')
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve-process.js');
      await runServe(flags);
    });
}
