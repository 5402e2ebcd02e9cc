/**
 * The file an operator keeps outside the installation (another machine, a write-once share, a
 * compliance officer's mailbox): one signed checkpoint with the public key that signed it. Held
 * against the live log it shows whether the log was truncated or rewritten since.
 */
import { z } from 'zod';
import type { AuditCheckpoint } from '../audit/index.js';

export const checkpointFileFormat = 'sentinela-audit-checkpoint/1';

const CheckpointSchema = z.object({
  count: z.number().int().nonnegative(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});

const CheckpointFileSchema = z.object({
  format: z.literal(checkpointFileFormat),
  publicKeyPem: z.string().includes('BEGIN PUBLIC KEY'),
  checkpoint: CheckpointSchema,
});

export interface CheckpointFile {
  format: typeof checkpointFileFormat;
  publicKeyPem: string;
  checkpoint: AuditCheckpoint;
}

/** The text of a checkpoint file. */
export function checkpointFileText(checkpoint: AuditCheckpoint, publicKeyPem: string): string {
  const file: CheckpointFile = { format: checkpointFileFormat, publicKeyPem, checkpoint };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a checkpoint file; throws an Error naming the field at fault.
 *
 * @example
 * const { checkpoint, publicKeyPem } = parseCheckpointFile(readFileSync('checkpoint.json', 'utf8'));
 */
export function parseCheckpointFile(text: string): CheckpointFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON; expected a checkpoint file written by `sentinela audit checkpoint --output`');
  }
  const result = CheckpointFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data as CheckpointFile;
}
