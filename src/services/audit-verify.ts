/**
 * Verifying the installation's audit trail: every entry, every link, the installation's own signed
 * checkpoints, and any checkpoint files the operator kept elsewhere (the only defence against
 * someone who also holds the signing key and re-signs a rewritten log).
 */
import { type AuditProblem, type AuditVerification, AuditChainVerifier } from '../audit/index.js';
import type { CheckpointFile } from './audit-checkpoint-file.js';
import type { AuditStore } from '../core/index.js';

export interface AuditVerifyResult extends AuditVerification {
  /** The installation key's fingerprint, when it has one. */
  keyId?: string;
  /** Checkpoints held in the database, and from files kept elsewhere. */
  storedCheckpoints: number;
  externalCheckpoints: number;
}

const pageSize = 1000;

/**
 * @example
 * const result = await verifyAudit(stores, { checkpointFiles: [parseCheckpointFile(text)] });
 * if (!result.ok) console.error(result.problems[0].message);
 */
export async function verifyAudit(
  stores: { audit: AuditStore },
  options: { checkpointFiles?: readonly CheckpointFile[] } = {},
): Promise<AuditVerifyResult> {
  const installation = await stores.audit.publicKey();
  const stored = await stores.audit.checkpoints();
  const external = options.checkpointFiles ?? [];
  const extraProblems: AuditProblem[] = [];
  for (const file of external) {
    if (installation && file.checkpoint.keyId !== installation.keyId)
      extraProblems.push({
        kind: 'unknown-key',
        seq: 0,
        message: `the installation's signing key ${installation.keyId} is not the key ${file.checkpoint.keyId} that signed the checkpoint file of ${file.checkpoint.at}: the key was replaced`,
      });
  }
  const verifier = new AuditChainVerifier({
    checkpoints: [...stored, ...external.map((f) => f.checkpoint)],
    trustedPublicKeys: [
      ...(installation ? [installation.publicKeyPem] : []),
      ...external.map((f) => f.publicKeyPem),
    ],
  });
  let afterSeq = 0;
  for (;;) {
    const page = await stores.audit.entries({ afterSeq, limit: pageSize });
    for (const entry of page) verifier.push(entry);
    if (page.length < pageSize) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  const result = verifier.finish();
  const problems = [...extraProblems, ...result.problems];
  return {
    ...result,
    ok: problems.length === 0,
    problems,
    ...(installation ? { keyId: installation.keyId } : {}),
    storedCheckpoints: stored.length,
    externalCheckpoints: external.length,
  };
}
