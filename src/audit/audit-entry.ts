/**
 * One entry of the append-only audit log and how it is sealed onto the chain: each entry's hash
 * covers its own fields and the hash of the entry before it, so changing, removing, inserting or
 * moving any entry breaks every link after it.
 */
import { createHash } from 'node:crypto';
import { canonicalEncoding } from './canonical-encoding.js';

/** JSON data recorded as an entry's before/after state. */
export type AuditValue = null | boolean | number | string | AuditValue[] | { [key: string]: AuditValue };

/** What a caller records: who did what to which thing, and the state before and after. */
export interface AuditDraft {
  /** The user name, `token:<id>`, or `local:<os user>` for a command run at the terminal. */
  actor: string;
  /** A dotted verb such as `user.add`, `case.disposition`, `token.revoke`. */
  action: string;
  /** What was changed, e.g. `user:ana`, `case:c-3f2a…`. */
  target: string;
  /** JSON data (undefined members are dropped); `null` when the thing did not exist before. */
  before: unknown;
  after: unknown;
  /** ISO 8601 timestamp; the store fills it in when absent. */
  at?: string;
}

export interface AuditEntry {
  /** 1, 2, 3, … with no gaps: the position in the log. */
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: AuditValue;
  after: AuditValue;
  /** The hash of entry `seq - 1`, or {@link genesisHash} for the first entry. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical encoding of every other field. */
  hash: string;
}

/** The `prevHash` of entry 1: 64 zeros, so the first link is checked like every other. */
export const genesisHash = '0'.repeat(64);

/** The hash an entry must carry, recomputed from its fields. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, target, before, after, prevHash } = entry;
  const encoded = canonicalEncoding({ seq, at, actor, action, target, before, after, prevHash });
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

/** The end of the chain an entry is sealed onto: how many entries there are and the last one's hash. */
export interface AuditHead {
  count: number;
  headHash: string;
}

export const emptyAuditHead: AuditHead = { count: 0, headHash: genesisHash };

/**
 * Seals a draft onto the chain. Stores call this inside the transaction that reads the head and
 * inserts the entry, so two writers can never seal onto the same head.
 *
 * @example
 * const e1 = sealAuditEntry(emptyAuditHead, { actor: 'ana', action: 'user.add', target: 'user:bo',
 *   before: null, after: { role: 'analyst' }, at: '2026-12-01T22:00:00.000Z' });
 * e1.seq; // 1
 * const e2 = sealAuditEntry({ count: 1, headHash: e1.hash }, { ...draft }); // e2.prevHash === e1.hash
 */
export function sealAuditEntry(
  head: AuditHead,
  draft: AuditDraft,
  now: () => Date = () => new Date(),
): AuditEntry {
  const unsealed = {
    seq: head.count + 1,
    at: draft.at ?? now().toISOString(),
    actor: draft.actor,
    action: draft.action,
    target: draft.target,
    // Round-trip through JSON so what is hashed is exactly what a store can give back.
    before: normalised(draft.before),
    after: normalised(draft.after),
    prevHash: head.headHash,
  };
  return { ...unsealed, hash: auditEntryHash(unsealed) };
}

function normalised(value: unknown): AuditValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as AuditValue);
}
