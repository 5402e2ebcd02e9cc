/**
 * `sentinela db`: the versioned schema of the store, on SQLite or PostgreSQL. `status` lists every
 * migration this release knows and whether it is applied (changing nothing); `migrate` applies the
 * pending ones, as every command does on start, for operators who migrate before rolling out.
 */
import type { Command } from 'commander';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

interface DbFlags {
  db?: string;
  json?: boolean;
}

async function statusAction(flags: DbFlags, io: CommandIo): Promise<void> {
  const { resolveStoreLocation, schemaStatus } = await import('../../store/index.js');
  const report = await schemaStatus(resolveStoreLocation(flags.db));
  if (flags.json) {
    io.out(`${JSON.stringify(report)}\n`);
    return;
  }
  const pending = report.migrations.filter((m) => m.appliedAt === undefined).length;
  io.out(`${report.backend} ${report.location}\n`);
  for (const m of report.migrations)
    io.out(`  ${m.name}  ${m.appliedAt ? `applied ${m.appliedAt}` : 'pending'}\n`);
  io.out(
    pending === 0
      ? 'Schema up to date.\n'
      : `${pending} pending: \`sentinela db migrate\` applies ${pending === 1 ? 'it' : 'them'} (any command opening the store does too).\n`,
  );
}

async function migrateAction(flags: DbFlags, io: CommandIo): Promise<void> {
  const { migrateSchema, redactUrl, resolveStoreLocation } = await import('../../store/index.js');
  const location = resolveStoreLocation(flags.db);
  const { backend, applied } = await migrateSchema(location);
  if (flags.json) {
    io.out(`${JSON.stringify({ backend, location: redactUrl(location), applied })}\n`);
    return;
  }
  io.out(
    applied.length === 0
      ? `${backend} ${redactUrl(location)}: schema already up to date.\n`
      : `${backend} ${redactUrl(location)}: applied ${applied.join(', ')}.\n`,
  );
}

export function register(program: Command, io: CommandIo = processIo()): void {
  const db = program
    .command('db')
    .description('the store schema: status, migrate (SQLite file or PostgreSQL)');
  db.command('status')
    .description('list the schema migrations, applied or pending (changes nothing)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((flags: DbFlags) => statusAction(flags, io));
  db.command('migrate')
    .description('apply pending schema migrations (every command also does on start)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((flags: DbFlags) => migrateAction(flags, io));
}
