/**
 * `sentinela goods screen --input FILE --output alerts.jsonl [--db PATH] [--refusals FILE]`: alerts
 * only in the output file, a summary on stderr (lines read, accepted, rejected with the first
 * errors, alerts per rule), a progress bar on long files when stderr is a terminal.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { formatReject, type RowReject } from '../../core/index.js';
import { openGoodsStores } from './goods-stores.js';
import { failIfAllRejected } from '../shared/cli-errors.js';
import type { CommandIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { terminalProgressBar } from '../shared/progress-bar.js';

interface ScreenFlags {
  input: string;
  output: string;
  db?: string;
  refusals?: string;
  json?: boolean;
}

/** Rejected lines printed one by one; the rest are counted. */
const SHOWN_ERRORS = 20;
/** Files above this size get a progress bar. */
const PROGRESS_BYTES = 5_000_000;

export function registerGoodsScreen(goods: Command, io: CommandIo): void {
  goods
    .command('screen')
    .description(
      'screen an order file (CSV or JSON lines) for controlled chemicals and AI chips and the ways controls are circumvented',
    )
    .requiredOption(
      '--input <file>',
      'order lines: line_id, date, seller, buyer, buyer_address, buyer_country, consignee, ship_to_country, via_countries, description, cas, hs_code, quantity, unit, permit_ref [, origin_country]',
    )
    .requiredOption('--output <file>', 'where the alerts go, one JSON object per line')
    .addOption(dbOption('the catalog versions, lists and alerts'))
    .option(
      '--refusals <file>',
      'refusals to sell (CSV or JSON lines: date, seller, buyer, item[, reason]) for company shopping',
    )
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: ScreenFlags) => run(flags, io));
}

async function run(flags: ScreenFlags, io: CommandIo): Promise<void> {
  const { screenGoodsFile } = await import('../../services/goods-screening.js');
  const started = performance.now();
  const stores = await openGoodsStores(flags.db);
  const errors: RowReject[] = [];
  let rejected = 0;
  const size = statSync(flags.input, { throwIfNoEntry: false })?.size ?? 0;
  const bar = await progressBar(io, size, flags.json === true);
  try {
    const summary = await screenGoodsFile(stores, {
      input: flags.input,
      output: flags.output,
      ...(flags.refusals ? { refusals: flags.refusals } : {}),
      onRejected: (e) => {
        rejected++;
        if (errors.length < SHOWN_ERRORS) errors.push(e);
      },
      onWarning: (text) => io.err(`goods: warning: ${text}\n`),
      ...(bar ? { onProgress: (bytes) => bar.update(bytes) } : {}),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    if (flags.json) {
      io.out(`${JSON.stringify({ ...summary, seconds, errors: errors.map(formatReject) })}\n`);
    } else {
      if (summary.importedShippedCatalog)
        io.err(`goods: imported the shipped catalog as ${summary.catalogVersion} into ${stores.location}\n`);
      for (const e of errors) io.err(`goods: rejected: ${formatReject(e)}\n`);
      if (rejected > errors.length) io.err(`goods: … and ${rejected - errors.length} more rejected lines\n`);
      const c = summary.counts;
      io.err(
        `goods: ${c.read} lines read, ${c.accepted} accepted, ${c.rejected} rejected; ${summary.identifiedLines} with a controlled item; catalog ${summary.catalogVersion}\n`,
      );
      io.err(
        `goods: watchlists: ${summary.watchlists.length ? summary.watchlists.join(', ') : 'none in the store (party risk covers first-time buyers only; `sentinela lists import` to add)'}; refusals: ${summary.refusals}\n`,
      );
      const perRule = Object.entries(summary.perRule)
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${r} ${n}`);
      io.err(
        `goods: ${summary.alerts} alerts${perRule.length ? ` (${perRule.join(', ')})` : ''} → ${flags.output}\n`,
      );
      io.err(
        `goods: alert table: ${summary.stored.inserted} new, ${summary.stored.unchanged} already stored; ${seconds.toFixed(2)} s (${Math.round(c.read / Math.max(seconds, 1e-9)).toLocaleString('en-US')} lines/s)\n`,
      );
    }
    failIfAllRejected(flags.input, summary.counts);
  } finally {
    bar?.stop();
    await stores.close();
  }
}

/** The bar over the bytes read, for a file large enough to wait for; stopped once however often asked. */
async function progressBar(
  io: CommandIo,
  total: number,
  json: boolean,
): Promise<{ update(v: number): void; stop(): void } | undefined> {
  if (total < PROGRESS_BYTES) return undefined;
  const bar = await terminalProgressBar(io, { json, format: 'goods [{bar}] {percentage}% | {eta}s left' });
  if (!bar) return undefined;
  bar.start(total, 0);
  let stopped = false;
  return {
    update: (v) => bar.update(v),
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
