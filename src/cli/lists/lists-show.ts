/** `sentinela lists show VERSION|LIST [ENTITY_ID]`: a version's summary, or one entity's full record. */
import type { Command } from 'commander';
import { cliAction } from '../shared/cli-errors.js';
import type { Entity, ListVersion } from '../../core/index.js';
import { formatBytes, formatCounts, formatTime, writeJson } from './lists-output.js';
import { openStoresForCommand } from './lists-store.js';
import { versionLabel } from '../../services/list-versions.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

export interface ListsShowFlags {
  db?: string;
  json?: boolean;
}

/** How many programs a version summary lists before "…". */
const shownPrograms = 15;

export function registerListsShow(lists: Command, io: CommandIo = processIo()): void {
  lists
    .command('show')
    .description("show a version's summary, or one entity's full record")
    .argument('<version>', 'version id, LIST@ID, or LIST for its newest version')
    .argument('[entity-id]', 'an entity id in that version (OFAC ent_num, UN reference, …)')
    .addOption(dbOption('the list versions'))
    .option('--json', 'print as JSON')
    .action(
      cliAction((ref: string, entityId: string | undefined, flags: ListsShowFlags) =>
        runListsShow(ref, entityId, flags, io),
      ),
    );
}

export async function runListsShow(
  ref: string,
  entityId: string | undefined,
  flags: ListsShowFlags,
  io: CommandIo,
): Promise<void> {
  const { showEntity, summarizeVersion } = await import('../../services/index.js');
  const stores = await openStoresForCommand(flags.db, 'read');
  try {
    if (entityId !== undefined) {
      const { version, entity } = await showEntity(stores, ref, entityId);
      if (flags.json) writeJson(io, { version: versionLabel(version), entity });
      else io.out(formatEntity(entity, version, io));
      return;
    }
    const { version, bySchema, byProgram } = await summarizeVersion(stores, ref);
    if (flags.json) {
      writeJson(io, {
        version,
        bySchema: Object.fromEntries(bySchema),
        byProgram: Object.fromEntries(byProgram),
      });
      return;
    }
    io.out(formatVersion(version, bySchema, byProgram, io));
  } finally {
    await stores.close();
  }
}

function formatVersion(
  v: ListVersion,
  bySchema: Map<string, number>,
  byProgram: Map<string, number>,
  io: CommandIo,
): string {
  const programs = [...byProgram].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = [
    io.bold(`${versionLabel(v)}`),
    `  format:     ${v.format}`,
    `  imported:   ${formatTime(v.importedAt)}`,
    `  published:  ${v.publishedAt ? formatTime(v.publishedAt) : 'not stated by the source'}`,
    `  entities:   ${v.entityCount} (${formatCounts(bySchema) || 'none'})`,
    `  programs:   ${formatCounts(new Map(programs.slice(0, shownPrograms))) || 'none'}${programs.length > shownPrograms ? `, … (${programs.length} in all)` : ''}`,
  ];
  if (v.baseVersionId !== undefined)
    lines.push(`  partial:    update applied over version ${v.baseVersionId}`);
  lines.push(`  content:    ${v.contentHash}`);
  lines.push('  files:');
  for (const f of v.files)
    lines.push(`    ${f.path}  ${formatBytes(f.bytes)}  sha256 ${f.sha256.slice(0, 16)}…`);
  return `${lines.join('\n')}\n`;
}

function formatEntity(e: Entity, v: ListVersion, io: CommandIo): string {
  const lines = [
    io.bold(`${e.id}  ${e.names.find((n) => n.kind === 'primary')?.full ?? e.names[0]?.full ?? ''}`),
  ];
  const width = Math.max(14, ...Object.keys(e.attributes).map((k) => k.length + 2));
  const row = (label: string, values: string[]): void => {
    if (values.length === 0) return;
    lines.push(`  ${label.padEnd(width)}${values[0]}`);
    for (const value of values.slice(1)) lines.push(`  ${''.padEnd(width)}${value}`);
  };
  row('list', [`${versionLabel(v)}`]);
  row('schema', [e.schema]);
  row('programs', e.programs.length ? [e.programs.join(', ')] : []);
  row(
    'names',
    e.names.map(
      (n) =>
        `${n.full}  (${n.kind}${n.given || n.family ? `; given ${n.given ?? '-'}, family ${n.family ?? '-'}` : ''})`,
    ),
  );
  row('gender', e.gender ? [e.gender] : []);
  row('born', e.birthDates);
  row('birth place', e.birthPlaces);
  row('nationality', e.nationalities);
  row('country', e.countries);
  row(
    'identifiers',
    e.identifiers.map((i) => `${i.label ?? i.type}: ${i.value}${i.country ? ` (${i.country})` : ''}`),
  );
  row(
    'addresses',
    e.addresses.map((a) => a.full),
  );
  row(
    'links',
    e.links.map((l) => `${l.relation}: ${l.targetName}${l.targetId ? ` (#${l.targetId})` : ''}`),
  );
  for (const key of Object.keys(e.attributes).sort()) row(key, e.attributes[key] ?? []);
  return `${lines.join('\n')}\n`;
}
