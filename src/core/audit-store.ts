/**
 * The append-only audit log, its signed checkpoints and the installation's signing key. The store
 * only appends: no method edits or removes an entry, and `append` seals each entry onto the head
 * inside one transaction (with `sealAuditEntry`), so concurrent writers cannot fork the chain.
 */
import type { AuditCheckpoint, AuditDraft, AuditEntry, AuditHead, AuditSigningKey } from '../audit/index.js';

/** Which entries to read for people (newest first); every field given narrows the result. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  /** Entries before this position (for paging back). */
  beforeSeq?: number;
  /** Default 100, at most 1000. */
  limit?: number;
}

/**
 * @example
 * const entry = await stores.audit.append({ actor: 'ana', action: 'case.comment', target: 'case:c1',
 *   before: null, after: { text } });
 * for (let page = await stores.audit.entries({ afterSeq: 0 }); page.length; ) { … }
 */
export interface AuditStore {
  append(draft: AuditDraft): Promise<AuditEntry>;
  head(): Promise<AuditHead>;
  /** Entries in position order after `afterSeq` (default 0), at most `limit` (default 1000). */
  entries(range?: { afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;
  /** Entries newest first, filtered. */
  find(filter?: AuditFilter): Promise<AuditEntry[]>;
  addCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Oldest first. */
  checkpoints(): Promise<AuditCheckpoint[]>;
  /** The installation's signing key, created with `create` on first use (atomically). */
  signingKey(create: () => AuditSigningKey): Promise<AuditSigningKey>;
  /** The installation's public key, without creating one (verification only reads). */
  publicKey(): Promise<{ keyId: string; publicKeyPem: string } | undefined>;
}
