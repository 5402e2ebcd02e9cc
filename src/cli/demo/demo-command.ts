/**
 * `sentinela demo`: the quick start's main job on embedded defaults. It loads the sample watchlist
 * shipped in `data/sample/` into a SQLite file, screens the sample customer file against it, and
 * prints the alerts with their reasons — no server, no configuration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import { dbOption } from '../shared/db-option.js';
import { packagedDataPath } from '../shared/packaged-data.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

interface DemoFlags {
  db?: string;
  watchlist: string;
  customers: string;
  json?: boolean;
}

/** A shipped sample file; the path is still shown (and fails clearly) if the package lacks it. */
function sampleFile(name: string): string {
  return packagedDataPath('sample', name) ?? join('data', 'sample', name);
}

async function demoAction(flags: DemoFlags, io: CommandIo): Promise<void> {
  const started = performance.now();
  const scratch = flags.db ? undefined : mkdtempSync(join(tmpdir(), 'sentinela-demo-'));
  const dbPath = flags.db ?? join(scratch!, 'demo.sqlite');
  try {
    const { runDemo } = await import('../../services/index.js');
    const { openStores } = await import('../../store/index.js');
    const stores = await openStores(dbPath);
    try {
      const { version, threshold, rows, rejects, alerts } = await runDemo(stores, {
        watchlist: flags.watchlist,
        customers: flags.customers,
      });
      for (const r of rejects) io.err(`rejected line ${r.line}: ${r.field}: ${r.reason}\n`);
      const rejected = rejects.length;
      const seconds = (performance.now() - started) / 1000;
      if (flags.json) {
        io.out(`${JSON.stringify({ db: dbPath, threshold, rows, rejected, alerts })}\n`);
        return;
      }
      const out: string[] = [
        'Sentinela demo — SAMPLE DATA (data/sample/): a sample watchlist of public designations and invented customers.',
        `Loaded ${version.entityCount} listed entities as ${version.list} version ${version.id} into ${flags.db ?? 'a temporary SQLite file'}.`,
        `Screened ${rows - rejected} customers (${rejected} rejected) at threshold ${threshold}: ${alerts.length} alerts.`,
        '',
      ];
      for (const alert of alerts) {
        out.push(`ALERT  customer ${alert.id}  "${alert.name}"`);
        for (const m of alert.matches.filter((x) => x.match)) {
          out.push(`   ${m.score.toFixed(3)}  ${m.list}:${m.entityId}  ${m.name}`);
          if (m.matchedAlias !== m.name) out.push(`          via alias: ${m.matchedAlias}`);
          const reasons = [...m.explanation]
            .sort((a, b) => Math.abs(b.value * b.weight) - Math.abs(a.value * a.weight))
            .slice(0, 3);
          for (const r of reasons) out.push(`          - ${r.detail}`);
        }
        out.push('');
      }
      out.push(`Done in ${seconds.toFixed(2)} s. Next: \`sentinela lists import PATH...\` loads real lists;`);
      out.push(
        '`sentinela screen "NAME"` or `sentinela screen --input FILE --output FILE` screens against them.',
      );
      io.out(`${out.join('\n')}\n`);
    } finally {
      await stores.close();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

export function register(program: Command, io: CommandIo = processIo()): void {
  program
    .command('demo')
    .description('load the sample watchlist and screen the sample customers (embedded defaults)')
    .addOption(dbOption('keep the demo store here', 'a temporary SQLite file'))
    .option('--watchlist <file>', 'the watchlist to load (custom CSV)', sampleFile('sample-watchlist.csv'))
    .option(
      '--customers <file>',
      'the customers to screen (CSV or JSON lines)',
      sampleFile('sample-customers.csv'),
    )
    .option('--json', 'machine-readable output')
    .action(cliAction((flags: DemoFlags) => demoAction(flags, io)));
}
