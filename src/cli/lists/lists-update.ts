/**
 * `sentinela lists update [LIST...]`: downloads the official publications (OFAC SDN and
 * consolidated CSV, UN XML, UK Sanctions List CSV) with conditional requests and imports what changed. Any failed list
 * keeps its previous version, is named with its reason, and makes the command exit non-zero.
 */
import type { Command } from 'commander';
import { dbOption } from '../shared/db-option.js';
import { collect, parseSeconds } from '../shared/option-parsers.js';
import { CliError, cliAction } from '../shared/cli-errors.js';
import { writeJson } from './lists-output.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

export interface ListsUpdateFlags {
  db?: string;
  baseUrl?: string;
  sourceUrl: string[];
  sources?: string;
  timeout: number;
  force?: boolean;
  allowShrink?: boolean;
  json?: boolean;
}

export function registerListsUpdate(lists: Command, io: CommandIo = processIo()): void {
  lists
    .command('update')
    .description('download the official OFAC, UN and UK publications and import what changed')
    .argument('[lists...]', 'only these lists (us-ofac-sdn, us-ofac-cons, un-sc, uk-sanctions-list)')
    .option('--base-url <url>', 'a mirror folder holding every file under its official name (SDN.CSV, …)')
    .option('--source-url <list=url>', 'where to get one list (repeatable)', collect, [])
    .option('--sources <file>', 'JSON file of sources: [{ "list", "format", "files": [{ "name", "url" }] }]')
    .option('--timeout <seconds>', 'per download', parseSeconds, 120)
    .option('--force', 'ignore stored ETags and store a version even if the content is unchanged')
    .option(
      '--allow-shrink',
      'store a full publication even when it holds under half the entities of the latest version',
    )
    .addOption(dbOption('the list versions'))
    .option('--json', 'print the results as JSON')
    .action(cliAction((only: string[], flags: ListsUpdateFlags) => runListsUpdate(only, flags, io)));
}

export async function runListsUpdate(only: string[], flags: ListsUpdateFlags, io: CommandIo): Promise<void> {
  const { resolveUpdateSources, updateListsFromSources } = await import('../../services/index.js');
  const { openStores } = await import('../../store/index.js');
  const sources = await resolveUpdateSources({
    ...(flags.sources && { sourcesFile: flags.sources }),
    ...(flags.baseUrl && { baseUrl: flags.baseUrl }),
    sourceUrls: flags.sourceUrl ?? [],
    lists: only,
  });
  const stores = await openStores(flags.db);
  let results: Awaited<ReturnType<typeof updateListsFromSources>>;
  try {
    results = await updateListsFromSources(stores, sources, {
      timeoutMs: flags.timeout * 1000,
      force: flags.force === true,
      allowShrink: flags.allowShrink === true,
      log: (line) => io.err(`${line}\n`),
    });
  } finally {
    await stores.close();
  }
  if (flags.json) writeJson(io, results);
  else {
    for (const r of results) {
      if (r.status === 'updated') {
        io.out(
          `${r.list}: ${io.bold('updated')} → ${r.list}@${r.version.id} (${r.version.entityCount} entities, ${r.warnings} warnings)\n`,
        );
      } else if (r.status === 'unchanged') {
        io.out(
          `${r.list}: unchanged (${r.reason})${r.version ? `; current ${r.list}@${r.version.id}` : ''}\n`,
        );
      } else {
        const kept = r.previous ? `kept ${r.list}@${r.previous.id}` : 'no version stored yet';
        io.out(`${r.list}: ${io.bold('FAILED')}: ${r.url ? `${r.url}: ` : ''}${r.reason}; ${kept}\n`);
      }
    }
  }
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    throw new CliError(
      `${failed.length} of ${results.length} lists failed to update (${failed.map((r) => r.list).join(', ')}); previous versions kept`,
    );
  }
}
