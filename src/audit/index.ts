/** The tamper-evident audit trail, the public face: hash-chained entries, signed checkpoints, verification. */
export { canonicalEncoding } from './canonical-encoding.js';
export {
  auditEntryHash,
  emptyAuditHead,
  genesisHash,
  sealAuditEntry,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
  type AuditValue,
} from './audit-entry.js';
export {
  auditKeyId,
  checkpointPayload,
  generateAuditSigningKey,
  signCheckpoint,
  verifyCheckpointSignature,
  type AuditCheckpoint,
  type AuditSigningKey,
} from './audit-checkpoint.js';
export {
  AuditChainVerifier,
  verifyAuditLog,
  type AuditProblem,
  type AuditProblemKind,
  type AuditVerification,
  type AuditVerifyOptions,
} from './audit-verification.js';
