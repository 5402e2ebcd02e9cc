/**
 * `sentinela lists diff A [B]`: entities added, removed and changed between two versions, with the
 * changed fields; what a compliance team must rescreen its customers against.
 */
import type { Command } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import { dbOption } from '../shared/db-option.js';
import { parseCount } from '../shared/option-parsers.js';
import type { ListVersion } from '../../core/index.js';
import type { EntityRef, ListDiff } from '../../list-versions/index.js';
import { writeJson } from './lists-output.js';
import { openStoresForCommand } from './lists-store.js';
import { versionLabel } from '../../services/list-versions.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

export interface ListsDiffFlags {
  db?: string;
  json?: boolean;
  /** Entities shown per section (added, removed, changed); all when undefined. */
  limit?: number;
}

/** Default per-section limit for people; JSON gives everything unless --limit is set. */
const defaultTextLimit = 50;

export function registerListsDiff(lists: Command, io: CommandIo = processIo()): void {
  lists
    .command('diff')
    .description('entities added, removed and changed between two versions')
    .argument('<a>', 'older version: id, LIST@ID, or LIST (alone: its two newest versions)')
    .argument('[b]', 'newer version: id, LIST@ID, or LIST')
    .addOption(dbOption('the list versions'))
    .option('--json', 'print the diff as JSON')
    .option('--limit <n>', `entities shown per section (default ${defaultTextLimit}; JSON: all)`, parseCount)
    .action(
      cliAction((a: string, b: string | undefined, flags: ListsDiffFlags) => runListsDiff(a, b, flags, io)),
    );
}

export async function runListsDiff(
  a: string,
  b: string | undefined,
  flags: ListsDiffFlags,
  io: CommandIo,
): Promise<void> {
  const { diffVersions } = await import('../../services/index.js');
  const stores = await openStoresForCommand(flags.db, 'read');
  let from: ListVersion;
  let to: ListVersion;
  let diff: ListDiff;
  try {
    ({ from, to, diff } = await diffVersions(stores, a, b));
  } finally {
    await stores.close();
  }
  if (from.list !== to.list) io.err(`note: comparing two different lists (${from.list} and ${to.list})\n`);
  const limit = flags.limit ?? (flags.json ? Number.POSITIVE_INFINITY : defaultTextLimit);
  const counts = {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
  };
  if (flags.json) {
    writeJson(io, {
      from: { ...from, label: versionLabel(from) },
      to: { ...to, label: versionLabel(to) },
      counts,
      added: diff.added.slice(0, limit),
      removed: diff.removed.slice(0, limit),
      changed: diff.changed.slice(0, limit),
    });
    return;
  }
  const lines = [
    io.bold(`${versionLabel(from)} → ${versionLabel(to)}`),
    `  ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed, ${counts.unchanged} unchanged`,
  ];
  const section = (title: string, total: number, body: () => void): void => {
    if (total === 0) return;
    lines.push('', io.bold(`${title} (${total})`));
    body();
    if (total > limit) lines.push(`  … and ${total - limit} more (use --limit or --json)`);
  };
  const ref = (sign: string, e: EntityRef): string =>
    `${sign} ${e.id}  ${e.name}  [${e.schema}]${e.programs.length ? `  ${e.programs.join(', ')}` : ''}`;
  section('added', diff.added.length, () => {
    for (const e of diff.added.slice(0, limit)) lines.push(ref('  +', e));
  });
  section('removed', diff.removed.length, () => {
    for (const e of diff.removed.slice(0, limit)) lines.push(ref('  -', e));
  });
  section('changed', diff.changed.length, () => {
    for (const c of diff.changed.slice(0, limit)) {
      lines.push(`  ~ ${c.id}  ${c.name}${c.previousName ? ` (was ${c.previousName})` : ''}  [${c.schema}]`);
      for (const f of c.fields) {
        lines.push(`      ${f.field}:`);
        for (const v of f.removed) lines.push(`        - ${v}`);
        for (const v of f.added) lines.push(`        + ${v}`);
      }
    }
  });
  io.out(`${lines.join('\n')}\n`);
}
