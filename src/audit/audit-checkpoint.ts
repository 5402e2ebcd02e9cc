/**
 * Signed checkpoints: "the log had `count` entries ending in `headHash`", signed with the
 * installation's Ed25519 key. A plain hash chain cannot tell a truncated or wholly recomputed log
 * from the real one; a checkpoint kept outside the installation can.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { canonicalEncoding } from './canonical-encoding.js';
import type { AuditHead } from './audit-entry.js';

export interface AuditCheckpoint {
  count: number;
  headHash: string;
  /** ISO 8601 time of signing. */
  at: string;
  /** Fingerprint of the public key that signed it ({@link auditKeyId}). */
  keyId: string;
  /** Ed25519 signature (base64) over {@link checkpointPayload}. */
  signature: string;
}

/** The installation's signing key. `privateKeyPem` is a secret: never log or export it. */
export interface AuditSigningKey {
  keyId: string;
  /** SPKI PEM; exported for examiners. */
  publicKeyPem: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  createdAt: string;
}

/** A fresh Ed25519 key pair for a new installation. */
export function generateAuditSigningKey(now: Date = new Date()): AuditSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: auditKeyId(publicKeyPem),
    publicKeyPem,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: now.toISOString(),
  };
}

/** First 16 hex digits of the SHA-256 of the public key's DER form: short enough to read aloud. */
export function auditKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** The bytes that are signed; a type tag keeps a checkpoint signature from meaning anything else. */
export function checkpointPayload(c: Omit<AuditCheckpoint, 'signature'>): Buffer {
  return Buffer.from(
    canonicalEncoding({
      type: 'sentinela-audit-checkpoint',
      count: c.count,
      headHash: c.headHash,
      at: c.at,
      keyId: c.keyId,
    }),
    'utf8',
  );
}

/**
 * @example
 * const key = generateAuditSigningKey();
 * const cp = signCheckpoint({ count: 2, headHash: e2.hash }, key);
 * verifyCheckpointSignature(cp, key.publicKeyPem); // true
 */
export function signCheckpoint(
  head: AuditHead,
  key: AuditSigningKey,
  now: Date = new Date(),
): AuditCheckpoint {
  const unsigned = { count: head.count, headHash: head.headHash, at: now.toISOString(), keyId: key.keyId };
  const signature = sign(null, checkpointPayload(unsigned), createPrivateKey(key.privateKeyPem));
  return { ...unsigned, signature: signature.toString('base64') };
}

/** True when `publicKeyPem` signed exactly this checkpoint. */
export function verifyCheckpointSignature(checkpoint: AuditCheckpoint, publicKeyPem: string): boolean {
  try {
    if (auditKeyId(publicKeyPem) !== checkpoint.keyId) return false;
    const { signature, ...unsigned } = checkpoint;
    return verify(
      null,
      checkpointPayload(unsigned),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
