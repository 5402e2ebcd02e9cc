/**
 * Exporting the audit trail for examiners, and verifying such an export away from the installation.
 * An export is a folder: the log as JSON lines, the signed checkpoints, the public key, a fresh
 * checkpoint file, and a manifest of SHA-256 sums. It never contains the private key.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type AuditCheckpoint, type AuditEntry, AuditChainVerifier } from '../audit/index.js';
import { type CheckpointFile, checkpointFileText } from './audit-checkpoint-file.js';
import type { AuditStore } from '../core/index.js';
import { checkpointAudit } from './audit-record.js';
import type { AuditVerifyResult } from './audit-verify.js';
import { ServiceError } from './service-error.js';

export const exportFiles = {
  log: 'audit-log.jsonl',
  checkpoints: 'audit-checkpoints.json',
  publicKey: 'audit-public-key.pem',
  checkpoint: 'audit-checkpoint.json',
  manifest: 'SHA256SUMS',
} as const;

export interface AuditExportResult {
  dir: string;
  entries: number;
  checkpoints: number;
  keyId: string;
  /** The checkpoint taken for this export (also in `audit-checkpoint.json`). */
  checkpoint: AuditCheckpoint;
  files: string[];
}

/**
 * @example
 * const result = await exportAudit(stores, 'local:root', '/mnt/examiner/2026-12');
 */
export async function exportAudit(
  stores: { audit: AuditStore },
  actor: string,
  dir: string,
): Promise<AuditExportResult> {
  const clashes = Object.values(exportFiles).filter((f) => existsSync(join(dir, f)));
  if (clashes.length)
    throw new ServiceError(
      'conflict',
      `${dir} already holds ${clashes.join(', ')}; export into an empty folder`,
      {
        field: 'output',
      },
    );
  mkdirSync(dir, { recursive: true });
  const checkpoint = await checkpointAudit(stores, actor);
  const key = (await stores.audit.publicKey())!;

  const lines: string[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await stores.audit.entries({ afterSeq, limit: 1000 });
    for (const e of page) if (e.seq <= checkpoint.count) lines.push(JSON.stringify(e));
    if (page.length < 1000) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  const checkpoints = await stores.audit.checkpoints();
  const contents: Record<string, string> = {
    [exportFiles.log]: lines.length ? `${lines.join('\n')}\n` : '',
    [exportFiles.checkpoints]: `${JSON.stringify(checkpoints, null, 2)}\n`,
    [exportFiles.publicKey]: key.publicKeyPem,
    [exportFiles.checkpoint]: checkpointFileText(checkpoint, key.publicKeyPem),
  };
  const sums: string[] = [];
  for (const [name, text] of Object.entries(contents)) {
    writeFileSync(join(dir, name), text, { flag: 'wx' });
    sums.push(`${createHash('sha256').update(text, 'utf8').digest('hex')}  ${name}`);
  }
  writeFileSync(join(dir, exportFiles.manifest), `${sums.join('\n')}\n`, { flag: 'wx' });
  return {
    dir,
    entries: lines.length,
    checkpoints: checkpoints.length,
    keyId: key.keyId,
    checkpoint,
    files: [...Object.keys(contents), exportFiles.manifest],
  };
}

/**
 * Verifies an exported folder without the installation. Trust comes from `publicKeyPem` or checkpoint
 * files the examiner obtained separately; with neither, the export's own key is used, which proves
 * only that the export is consistent with itself.
 *
 * @example
 * const result = await verifyAuditExport('/mnt/examiner/2026-12', { publicKeyPem: readFileSync('key.pem', 'utf8') });
 */
export async function verifyAuditExport(
  dir: string,
  options: { publicKeyPem?: string; checkpointFiles?: readonly CheckpointFile[] } = {},
): Promise<AuditVerifyResult> {
  const path = (name: string) => join(dir, name);
  for (const name of [exportFiles.log, exportFiles.checkpoints, exportFiles.publicKey])
    if (!existsSync(path(name)))
      throw new ServiceError('not-found', `${path(name)} is missing: not an audit export`);
  const exportedKey = readFileSync(path(exportFiles.publicKey), 'utf8');
  let stored: AuditCheckpoint[];
  try {
    stored = JSON.parse(readFileSync(path(exportFiles.checkpoints), 'utf8')) as AuditCheckpoint[];
  } catch {
    throw new ServiceError('invalid', `${path(exportFiles.checkpoints)}: not JSON`);
  }
  const external = options.checkpointFiles ?? [];
  const trusted = options.publicKeyPem ?? (external.length ? undefined : exportedKey);
  const verifier = new AuditChainVerifier({
    checkpoints: [...stored, ...external.map((f) => f.checkpoint)],
    trustedPublicKeys: [...(trusted ? [trusted] : []), ...external.map((f) => f.publicKeyPem)],
  });
  const lines = createInterface({
    input: createReadStream(path(exportFiles.log), 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      throw new ServiceError('invalid', `${path(exportFiles.log)}:${lineNo}: not a JSON entry`);
    }
    verifier.push(entry);
  }
  const result = verifier.finish();
  return { ...result, storedCheckpoints: stored.length, externalCheckpoints: external.length };
}
