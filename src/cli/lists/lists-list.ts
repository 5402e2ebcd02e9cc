/** `sentinela lists list`: every stored list version, newest last. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import { openStoresForCommand } from './lists-store.js';
import { formatTable, formatTime, writeJson } from './lists-output.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

export interface ListsListFlags {
  db?: string;
  json?: boolean;
}

export function registerListsList(lists: Command, io: CommandIo = processIo()): void {
  lists
    .command('list')
    .description('show the stored list versions')
    .addOption(dbOption('the list versions'))
    .option('--json', 'print the versions as JSON')
    .action(cliAction((flags: ListsListFlags) => runListsList(flags, io)));
}

export async function runListsList(flags: ListsListFlags, io: CommandIo): Promise<void> {
  const stores = await openStoresForCommand(flags.db, 'read');
  const dbPath = stores.location;
  try {
    const { listVersions } = await import('../../services/index.js');
    const versions = await listVersions(stores);
    if (flags.json) {
      writeJson(io, versions);
      return;
    }
    if (versions.length === 0) {
      io.err(
        `no list versions in ${dbPath}; run \`sentinela lists import PATH...\` or \`sentinela lists update\`\n`,
      );
      return;
    }
    const rows = versions.map((v) => [
      v.id,
      v.list,
      formatTime(v.importedAt),
      v.publishedAt ? formatTime(v.publishedAt) : '-',
      v.entityCount,
      v.baseVersionId === undefined ? '' : `on ${v.baseVersionId}`,
      [...new Set(v.files.map((f) => basename(f.path)))].join(', '),
    ]);
    io.out(formatTable(['id', 'list', 'imported', 'published', 'entities', 'partial', 'files'], rows));
  } finally {
    await stores.close();
  }
}
