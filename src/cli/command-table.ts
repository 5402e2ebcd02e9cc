/**
 * Every top-level command, loaded only when used, so `sentinela screen` never pays for loading
 * the targeting or early-warning engines. Add a line here when adding a command file.
 */
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

export const commandTable: CommandEntry[] = [
  {
    name: 'audit',
    summary: 'the tamper-evident audit trail: verify, checkpoint, export, log',
    load: () => import('./audit/audit-command.js'),
  },
  {
    name: 'compare',
    summary: 'score name pairs from a CSV (schema,name1,name2) with the screening matcher',
    load: () => import('./compare/compare-command.js'),
  },
  {
    name: 'customers',
    summary: 'the stored customer base that monitor screens: import',
    load: () => import('./customers/customers-command.js'),
  },
  {
    name: 'db',
    summary: 'the store schema (SQLite file or PostgreSQL): status, migrate',
    load: () => import('./db/db-command.js'),
  },
  {
    name: 'demo',
    summary: 'load the sample watchlist and screen the sample customers (the quick start)',
    load: () => import('./demo/demo-command.js'),
  },
  {
    name: 'goods',
    summary: 'controlled goods: screen order files for precursor chemicals and AI chips; catalog versions',
    load: () => import('./goods/goods-command.js'),
  },
  {
    name: 'jobs',
    summary: 'distributed jobs submitted with screen --nats: status, results, cancel, list',
    load: () => import('./jobs/jobs-command.js'),
  },
  {
    name: 'lists',
    summary: 'watchlist versions: import, update, list, show, diff',
    load: () => import('./lists/lists-command.js'),
  },
  {
    name: 'monitor',
    summary: 'screen the stored customers against what the lists changed since the last run',
    load: () => import('./monitor/monitor-command.js'),
  },
  {
    name: 'reconcile',
    summary:
      'match exporter and importer ledgers and report the gaps (diversion of AI chips and precursor chemicals)',
    load: () => import('./reconcile/reconcile-command.js'),
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API (screening, yente /match, lists, alerts, cases) on 127.0.0.1',
    load: () => import('./serve/serve-command.js'),
  },
  {
    name: 'screen',
    summary: 'screen names or a file of parties against the watchlists',
    load: () => import('./screen/screen-command.js'),
  },
  {
    name: 'warning',
    summary:
      'early warning: detect (one detector on count series), run (rises, new substances, spread in reports)',
    load: () => import('./warning/warning-command.js'),
  },
  {
    name: 'targeting',
    summary: 'rank declarations and truck crossings for inspection: train, score, eval',
    load: () => import('./targeting/targeting-command.js'),
  },
  {
    name: 'tokens',
    summary: 'API tokens for systems calling the HTTP API: create, list, revoke',
    load: () => import('./tokens/tokens-command.js'),
  },
  {
    name: 'users',
    summary: 'people and systems that use this installation: add, list, disable, enable, reset-password',
    load: () => import('./users/users-command.js'),
  },
  {
    name: 'worker',
    summary: 'run chunks of distributed jobs from NATS JetStream (workers of screen --nats)',
    load: () => import('./worker/worker-command.js'),
  },
];
