/**
 * Verifies an audit log read in order of position: every entry's hash, every link to the entry
 * before, no gaps, and — against signed checkpoints — no truncation and no wholesale rewrite.
 * Entries are pushed one at a time so a log of millions of entries is checked in constant memory.
 */
import { type AuditEntry, auditEntryHash, genesisHash } from './audit-entry.js';
import { type AuditCheckpoint, auditKeyId, verifyCheckpointSignature } from './audit-checkpoint.js';

export type AuditProblemKind =
  | 'altered'
  | 'reordered'
  | 'missing'
  | 'broken-link'
  | 'truncated'
  | 'rewritten'
  | 'bad-signature'
  | 'unknown-key';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first entry the problem concerns. */
  seq: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  count: number;
  /** Hash of the last entry read (the genesis hash for an empty log). */
  headHash: string;
  checkpointsChecked: number;
  /** In order of position; the first is the first bad entry. */
  problems: AuditProblem[];
}

export interface AuditVerifyOptions {
  /** Checkpoints to hold the log to (the installation's own, or one the operator kept elsewhere). */
  checkpoints?: readonly AuditCheckpoint[];
  /** Public keys (SPKI PEM) whose signatures are trusted. */
  trustedPublicKeys?: readonly string[];
}

/** Past this many problems the log is plainly not trustworthy; listing more helps no one. */
const maxProblems = 100;
/** How far away an entry's sealed position is searched for when diagnosing a reordering. */
const reorderWindow = 64;

/**
 * @example
 * const verifier = new AuditChainVerifier({ checkpoints, trustedPublicKeys: [key.publicKeyPem] });
 * for (const e of entries) verifier.push(e);
 * const result = verifier.finish(); // result.ok, result.problems[0]?.message
 */
export class AuditChainVerifier {
  private lastSeq = 0;
  private lastHash = genesisHash;
  private readonly problems: AuditProblem[] = [];
  private readonly wantedHashes = new Map<number, string | undefined>();
  private readonly keysById = new Map<string, string>();

  constructor(private readonly options: AuditVerifyOptions = {}) {
    for (const c of options.checkpoints ?? []) this.wantedHashes.set(c.count, undefined);
    for (const pem of options.trustedPublicKeys ?? []) this.keysById.set(auditKeyId(pem), pem);
  }

  push(entry: AuditEntry): void {
    const expected = this.lastSeq + 1;
    if (entry.seq < expected) {
      this.report(
        'reordered',
        entry.seq,
        `entry ${entry.seq} appears after entry ${this.lastSeq}: the log is out of order`,
      );
    } else if (entry.seq > expected) {
      const range =
        entry.seq - 1 === expected ? `entry ${expected} is` : `entries ${expected}–${entry.seq - 1} are`;
      this.report('missing', expected, `${range} missing: deleted from the log`);
    }
    const { hash, ...fields } = entry;
    if (auditEntryHash(fields) !== hash) {
      const sealedAt = this.sealedPosition(entry);
      if (sealedAt !== undefined)
        this.report(
          'reordered',
          entry.seq,
          `entry ${entry.seq} is the entry sealed as number ${sealedAt}: entries were reordered`,
        );
      else
        this.report(
          'altered',
          entry.seq,
          `entry ${entry.seq} (${entry.action} on ${entry.target}) was edited: its fields no longer match its hash`,
        );
    } else if (entry.prevHash !== this.lastHash && entry.seq === expected) {
      this.report(
        'broken-link',
        entry.seq,
        `entry ${entry.seq} does not follow entry ${entry.seq - 1}: an entry was inserted, replaced or re-sealed at or before position ${entry.seq}`,
      );
    }
    if (this.wantedHashes.has(entry.seq)) this.wantedHashes.set(entry.seq, hash);
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    this.lastHash = hash;
  }

  finish(): AuditVerification {
    let checked = 0;
    const checkpoints = [...(this.options.checkpoints ?? [])].sort((a, b) => a.count - b.count);
    for (const c of checkpoints) {
      checked++;
      const when = `checkpoint of ${c.at} (${c.count} entries)`;
      const key = this.keysById.get(c.keyId);
      if (key === undefined) {
        this.report(
          'unknown-key',
          c.count,
          `${when} is signed by key ${c.keyId}, which is not a trusted key`,
        );
        continue;
      }
      if (!verifyCheckpointSignature(c, key)) {
        this.report('bad-signature', c.count, `${when} has an invalid signature: it was altered or forged`);
        continue;
      }
      if (c.count > this.lastSeq) {
        this.report(
          'truncated',
          this.lastSeq + 1,
          `the log ends at entry ${this.lastSeq} but the ${when} covers entry ${c.count}: the log was truncated`,
        );
      } else if (c.count > 0 && this.wantedHashes.get(c.count) !== c.headHash) {
        this.report(
          'rewritten',
          c.count,
          `entry ${c.count} is not the entry the ${when} signed: the log up to it was rewritten`,
        );
      }
    }
    const problems = [...this.problems].sort((a, b) => a.seq - b.seq);
    return {
      ok: problems.length === 0,
      count: this.lastSeq,
      headHash: this.lastHash,
      checkpointsChecked: checked,
      problems,
    };
  }

  private report(kind: AuditProblemKind, seq: number, message: string): void {
    if (this.problems.length < maxProblems) this.problems.push({ kind, seq, message });
  }

  /** The position this entry's hash was sealed for, if it is a nearby one: a moved, unedited entry. */
  private sealedPosition(entry: AuditEntry): number | undefined {
    const { hash, ...fields } = entry;
    const from = Math.max(1, entry.seq - reorderWindow);
    for (let seq = from; seq <= entry.seq + reorderWindow; seq++) {
      if (seq !== entry.seq && auditEntryHash({ ...fields, seq }) === hash) return seq;
    }
    return undefined;
  }
}

/**
 * Verifies a whole log held in memory (or any iterable of entries in position order).
 *
 * @example
 * verifyAuditLog(entries, { checkpoints, trustedPublicKeys: [publicKeyPem] }).ok;
 */
export function verifyAuditLog(
  entries: Iterable<AuditEntry>,
  options: AuditVerifyOptions = {},
): AuditVerification {
  const verifier = new AuditChainVerifier(options);
  for (const entry of entries) verifier.push(entry);
  return verifier.finish();
}
