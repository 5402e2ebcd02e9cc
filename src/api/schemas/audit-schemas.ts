/** Shapes of the audit routes: log entries with their chain hashes, and a verification result. */
import { z } from '@hono/zod-openapi';

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    nextBeforeSeq: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Pass as `beforeSeq` for older entries' }),
  })
  .openapi('AuditPage');

export const AuditQuerySchema = z.object({
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(200).optional(),
  target: z.string().min(1).max(300).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    headHash: z.string(),
    checkpointsChecked: z.number().int(),
    storedCheckpoints: z.number().int(),
    externalCheckpoints: z.number().int(),
    keyId: z.string().optional(),
    problems: z.array(z.object({ kind: z.string(), seq: z.number().int(), message: z.string() })),
  })
  .openapi('AuditVerification');
