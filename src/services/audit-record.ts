/**
 * Recording an audit entry: the single way every service writes to the trail, taking a signed
 * checkpoint every `checkpointEvery` entries so that truncation and rewrites stay detectable
 * without anyone remembering to ask for one.
 */
import {
  type AuditCheckpoint,
  type AuditDraft,
  type AuditEntry,
  type AuditSigningKey,
  generateAuditSigningKey,
  signCheckpoint,
} from '../audit/index.js';
import type { AuditStore } from '../core/index.js';

/** A checkpoint every 1,000 entries by default; `audit checkpoint` takes one on demand. */
export const defaultCheckpointInterval = 1000;

export interface AuditStores {
  audit: AuditStore;
}

/**
 * @example
 * await recordAudit(stores, { actor: 'ana', action: 'case.comment', target: `case:${id}`, before: null, after: { text } });
 */
export async function recordAudit(
  stores: AuditStores,
  draft: AuditDraft,
  options: { checkpointEvery?: number } = {},
): Promise<AuditEntry> {
  const entry = await stores.audit.append(draft);
  const every = options.checkpointEvery ?? defaultCheckpointInterval;
  if (every > 0 && entry.seq % every === 0) {
    const key = await installationKey(stores);
    await stores.audit.addCheckpoint(signCheckpoint({ count: entry.seq, headHash: entry.hash }, key));
  }
  return entry;
}

/** The installation's Ed25519 key, created on first use. Holds the private key: never log it. */
export function installationKey(stores: AuditStores): Promise<AuditSigningKey> {
  return stores.audit.signingKey(() => generateAuditSigningKey());
}

/**
 * Signs the current head. Recording who asked comes first, so the checkpoint covers its own request.
 *
 * @example
 * const cp = await checkpointAudit(stores, 'local:root'); // { count, headHash, at, keyId, signature }
 */
export async function checkpointAudit(stores: AuditStores, actor: string): Promise<AuditCheckpoint> {
  const key = await installationKey(stores);
  await stores.audit.append({
    actor,
    action: 'audit.checkpoint',
    target: 'audit',
    before: null,
    after: { keyId: key.keyId },
  });
  const head = await stores.audit.head();
  const checkpoint = signCheckpoint(head, key);
  await stores.audit.addCheckpoint(checkpoint);
  return checkpoint;
}
