/**
 * `sentinela lists import PATH...`: reads one list publication (several files or an OFAC folder
 * form one version) and stores it as the next version of its list. All or nothing.
 */
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import { type Entity, type ListFormat, listFormats } from '../../core/index.js';
import { countBy, formatBytes, formatCounts, writeJson } from './lists-output.js';
import { openStoresForCommand } from './lists-store.js';
import { versionLabel } from '../../services/list-versions.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

export interface ListsImportFlags {
  db?: string;
  format?: ListFormat;
  list?: string;
  partial?: boolean;
  force?: boolean;
  allowShrink?: boolean;
  json?: boolean;
}

/** How many reader warnings are echoed to stderr before "… and N more". */
const shownWarnings = 5;

export function registerListsImport(lists: Command, io: CommandIo = processIo()): void {
  lists
    .command('import')
    .description('import list files as a new version (several paths together form one version)')
    .argument('<paths...>', 'files, or an OFAC folder holding sdn.csv/alt.csv/add.csv/sdn_comments.csv')
    .addOption(new Option('--format <format>', 'skip format detection').choices(listFormats))
    .option('--list <name>', 'list name to store under (default: from the source, e.g. us-ofac-sdn)')
    .option('--partial', 'the files are an update: apply them over the latest version of the list')
    .option('--force', 'store a new version even if the content equals the latest version')
    .option(
      '--allow-shrink',
      'store a full publication even when it holds under half the entities of the latest version',
    )
    .addOption(dbOption('the list versions'))
    .option('--json', 'print the result as JSON')
    .action(cliAction((paths: string[], flags: ListsImportFlags) => runListsImport(paths, flags, io)));
}

/** The action, callable in-process by tests. */
export async function runListsImport(paths: string[], flags: ListsImportFlags, io: CommandIo): Promise<void> {
  const started = performance.now();
  const { importPublication, readPublication } = await import('../../services/index.js');
  // Read and check every file before the store is opened: bad input writes nothing.
  const parsed = await readPublication(paths, {
    ...(flags.format && { format: flags.format }),
    ...(flags.list && { list: flags.list }),
    ...(flags.partial && { partial: true }),
  });
  const stores = await openStoresForCommand(flags.db, 'write');
  const dbPath = stores.location;
  let outcome: Awaited<ReturnType<typeof importPublication>>;
  try {
    outcome = await importPublication(stores, parsed, {
      force: flags.force === true,
      partial: flags.partial === true,
      allowShrink: flags.allowShrink === true,
    });
  } finally {
    await stores.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const bySchema = countBy(parsed.entities, (e: Entity) => e.schema);
  for (const warning of parsed.warnings.slice(0, shownWarnings)) io.err(`warning: ${warning}\n`);
  if (parsed.warnings.length > shownWarnings)
    io.err(`… and ${parsed.warnings.length - shownWarnings} more warnings\n`);

  if (flags.json) {
    writeJson(io, {
      status: outcome.status,
      version: outcome.version,
      ...(outcome.status === 'created' && outcome.partialUpdate && { partialUpdate: outcome.partialUpdate }),
      read: {
        list: parsed.list,
        format: parsed.format,
        files: parsed.files,
        entities: parsed.entities.length,
        bySchema: Object.fromEntries(bySchema),
      },
      warnings: parsed.warnings.length,
      seconds: Math.round(seconds * 1000) / 1000,
      db: dbPath,
    });
    return;
  }
  const v = outcome.version;
  const lines: string[] = [];
  if (outcome.status === 'unchanged') {
    lines.push(
      `${io.bold('unchanged')}: the content equals ${versionLabel(v)} (version ${v.id}); no version stored (use --force to store one)`,
    );
  } else {
    lines.push(
      `${io.bold('imported')} ${versionLabel(v)} (version ${v.id}, ${parsed.format}) into ${dbPath}`,
    );
  }
  lines.push(
    `  files:     ${parsed.files.map((f) => `${basename(f.path)} (${formatBytes(f.bytes)})`).join(', ')}`,
  );
  lines.push(`  read:      ${parsed.entities.length} entities (${formatCounts(bySchema) || 'none'})`);
  if (outcome.status === 'created' && outcome.partialUpdate) {
    const p = outcome.partialUpdate;
    lines.push(
      `  partial:   applied over version ${p.baseVersionId}: ${p.replaced} replaced, ${p.added} added`,
    );
    if (p.kept.names > 0 || p.kept.addresses > 0) {
      lines.push(
        `  kept:      ${p.kept.names} aliases and ${p.kept.addresses} addresses of the files not in this update (stored version ${p.baseVersionId})`,
      );
    }
  }
  lines.push(`  version:   ${v.entityCount} entities`);
  lines.push(`  warnings:  ${parsed.warnings.length}`);
  lines.push(`  time:      ${seconds.toFixed(2)} s`);
  io.out(`${lines.join('\n')}\n`);
}
