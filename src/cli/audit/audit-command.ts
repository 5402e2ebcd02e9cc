/**
 * `sentinela audit`: verify the tamper-evident audit trail (against checkpoint files kept
 * elsewhere, too), take a signed checkpoint, export the trail for examiners, read recent entries.
 * `verify` exits non-zero and names the first bad entry when anything does not hold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CheckpointFile } from '../../services/audit-checkpoint-file.js';
import type { AuditVerifyResult } from '../../services/audit-verify.js';
import { accessRequest, asCliErrors, openAccessStores } from '../shared/access-stores.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { collect, parsePositiveCount } from '../shared/option-parsers.js';

async function readCheckpointFiles(paths: readonly string[]): Promise<CheckpointFile[]> {
  const { parseCheckpointFile } = await import('../../services/audit-checkpoint-file.js');
  return paths.map((path) => {
    try {
      return parseCheckpointFile(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CliError(`--checkpoint ${path}: ${(error as Error).message}`, ExitCode.inputRejected);
    }
  });
}

function report(result: AuditVerifyResult, what: string, io: CommandIo, json: boolean | undefined): void {
  if (json) io.out(`${JSON.stringify(result)}\n`);
  const checkpoints = `${result.storedCheckpoints} stored checkpoint(s)${result.externalCheckpoints ? ` and ${result.externalCheckpoints} kept elsewhere` : ''}`;
  if (result.ok) {
    if (!json)
      io.out(
        `${what}: OK — ${result.count} entries, chain intact, ${checkpoints} verified; head ${result.headHash.slice(0, 16)}…` +
          `${result.keyId ? `; signing key ${result.keyId}` : ''}\n`,
      );
    if (result.storedCheckpoints + result.externalCheckpoints === 0)
      io.err(
        'sentinela: note: no checkpoint yet, so truncation or a full rewrite cannot be ruled out; ' +
          'take one with `sentinela audit checkpoint --output FILE` and keep the file elsewhere\n',
      );
    return;
  }
  const [first, ...rest] = result.problems;
  if (!json) for (const p of rest.slice(0, 20)) io.err(`sentinela: audit: also: ${p.message}\n`);
  throw new CliError(
    `${what} FAILED verification: ${first!.message}` +
      (rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''),
    ExitCode.usage,
  );
}

interface VerifyFlags {
  db?: string;
  checkpoint: string[];
  export?: string;
  publicKey?: string;
  json?: boolean;
}

async function verifyAction(flags: VerifyFlags, io: CommandIo): Promise<void> {
  const checkpointFiles = await readCheckpointFiles(flags.checkpoint);
  if (flags.export) {
    const { verifyAuditExport } = await import('../../services/audit-export.js');
    const publicKeyPem = flags.publicKey ? readFileSync(flags.publicKey, 'utf8') : undefined;
    if (!publicKeyPem && checkpointFiles.length === 0)
      io.err(
        'sentinela: note: trusting the public key inside the export; pass --public-key or --checkpoint ' +
          'with copies obtained separately to rule out a forged export\n',
      );
    const result = await asCliErrors(() =>
      verifyAuditExport(flags.export!, { ...(publicKeyPem ? { publicKeyPem } : {}), checkpointFiles }),
    );
    report(result, `audit export ${flags.export}`, io, flags.json);
    return;
  }
  const stores = await openAccessStores(flags.db);
  try {
    const { verifyAudit } = await import('../../services/audit-verify.js');
    const result = await asCliErrors(() => verifyAudit(stores, { checkpointFiles }));
    report(result, `audit trail of ${stores.location}`, io, flags.json);
  } finally {
    await stores.close();
  }
}

function checkpointAction(flags: { db?: string; output?: string; json?: boolean }, io: CommandIo) {
  return accessRequest(
    flags,
    io,
    async (stores, operator) => {
      const { checkpointAudit } = await import('../../services/audit-record.js');
      const { checkpointFileText } = await import('../../services/audit-checkpoint-file.js');
      const checkpoint = await checkpointAudit(stores, operator.name);
      if (flags.output) {
        const key = (await stores.audit.publicKey())!;
        try {
          writeFileSync(flags.output, checkpointFileText(checkpoint, key.publicKeyPem), { flag: 'wx' });
        } catch (error) {
          throw new CliError(`--output ${flags.output}: ${(error as Error).message}`, ExitCode.inputRejected);
        }
      }
      return checkpoint;
    },
    (checkpoint) =>
      `Checkpoint signed: ${checkpoint.count} entries, head ${checkpoint.headHash.slice(0, 16)}…, key ${checkpoint.keyId}` +
      `${flags.output ? `; written to ${flags.output} — keep it where this installation cannot change it` : ''}.\n`,
  );
}

function exportAction(flags: { db?: string; output: string; json?: boolean }, io: CommandIo) {
  return accessRequest(
    flags,
    io,
    async (stores, operator) =>
      (await import('../../services/audit-export.js')).exportAudit(stores, operator.name, flags.output),
    (result) =>
      `Exported ${result.entries} entries and ${result.checkpoints} checkpoints to ${result.dir} ` +
      `(${result.files.join(', ')}); signing key ${result.keyId}.\n` +
      `An examiner verifies it with: sentinela audit verify --export ${result.dir} --public-key KEY.pem\n`,
  );
}

interface LogFlags {
  db?: string;
  actor?: string;
  action?: string;
  target?: string;
  limit: number;
  json?: boolean;
}

function logAction(flags: LogFlags, io: CommandIo): Promise<void> {
  return accessRequest(
    flags,
    io,
    (stores) =>
      stores.audit.find({
        ...(flags.actor ? { actor: flags.actor } : {}),
        ...(flags.action ? { action: flags.action } : {}),
        ...(flags.target ? { target: flags.target } : {}),
        limit: flags.limit,
      }),
    (entries) =>
      entries.length === 0
        ? 'No audit entries.\n'
        : entries
            .map(
              (e) =>
                `${String(e.seq).padStart(6)}  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.action}  ${e.target}\n`,
            )
            .join(''),
  );
}

/** Adds `audit` and its subcommands to `program`; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident audit trail: verify, checkpoint, export, log')
    .showHelpAfterError();
  audit
    .command('verify')
    .description('check every entry, link and signed checkpoint; exits 1 naming the first bad entry')
    .option('--checkpoint <file>', 'a checkpoint file kept elsewhere (repeatable)', collect, [])
    .option('--export <dir>', 'verify an exported folder instead of the database')
    .option('--public-key <file>', 'with --export: the installation public key obtained separately')
    .addOption(dbOption('the audit trail'))
    .option('--json', 'print the verification as JSON')
    .action((flags: VerifyFlags) => verifyAction(flags, io));
  audit
    .command('checkpoint')
    .description('sign the current head of the log with the installation key')
    .option('--output <file>', 'also write a checkpoint file to keep elsewhere')
    .addOption(dbOption('the audit trail'))
    .option('--json', 'print the checkpoint as JSON')
    .action((flags: { db?: string; output?: string; json?: boolean }) => checkpointAction(flags, io));
  audit
    .command('export')
    .description('write the log, checkpoints and public key for examiners (never the private key)')
    .requiredOption('--output <dir>', 'an empty or new folder')
    .addOption(dbOption('the audit trail'))
    .option('--json', 'print a summary as JSON')
    .action((flags: { db?: string; output: string; json?: boolean }) => exportAction(flags, io));
  audit
    .command('log')
    .description('recent entries, newest first')
    .option('--actor <name>', 'only this actor')
    .option('--action <action>', 'only this action, e.g. case.disposition')
    .option('--target <target>', 'only this target, e.g. case:case-1a2b or user:ana')
    .option('--limit <n>', 'at most this many', parsePositiveCount, 50)
    .addOption(dbOption('the audit trail'))
    .option('--json', 'print JSON')
    .action((flags: LogFlags) => logAction(flags, io));
}
