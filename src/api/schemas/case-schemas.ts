/**
 * Shapes of the case routes: a case with its alerts, comments, evidence files (by hash),
 * disposition and four-eyes approval, and the bodies of each change to it.
 */
import { z } from '@hono/zod-openapi';
import { AlertRecordSchema, alertDispositionValues, alertStatusValues } from './alert-schemas.js';

export const CaseSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(alertStatusValues),
    alertIds: z.array(z.string()),
    assignee: z.string().optional(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    disposition: z
      .object({ kind: z.enum(alertDispositionValues), reason: z.string(), by: z.string(), at: z.string() })
      .optional(),
    approval: z.object({ by: z.string(), at: z.string() }).optional(),
    version: z.number().int(),
  })
  .openapi('Case');

export const CaseCommentSchema = z
  .object({ id: z.string(), caseId: z.string(), author: z.string(), text: z.string(), at: z.string() })
  .openapi('CaseComment');

export const CaseEvidenceSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    addedBy: z.string(),
    addedAt: z.string(),
  })
  .openapi('CaseEvidence');

export const CaseDetailSchema = z
  .object({
    case: CaseSchema,
    alerts: z.array(AlertRecordSchema),
    comments: z.array(CaseCommentSchema),
    evidence: z.array(CaseEvidenceSchema),
  })
  .openapi('CaseDetail');

export const DispositionResultSchema = z
  .object({
    case: CaseSchema,
    reviewsRecorded: z
      .array(z.string())
      .openapi({ description: 'Screening alerts whose false positive later screenings now honour' }),
    reviewsNotRecorded: z.array(z.object({ alertId: z.string(), reason: z.string() })),
  })
  .openapi('DispositionResult');

export const CaseListQuerySchema = z.object({
  status: z.enum(alertStatusValues).optional(),
  assignee: z.string().min(1).max(200).optional(),
  awaitingApproval: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'Only cases whose true match waits for a supervisor (true) or not (false)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(500).optional(),
});

export const CasePageSchema = z
  .object({ cases: z.array(CaseSchema), nextCursor: z.string().optional() })
  .openapi('CasePage');

const reason = z.string().trim().min(1).max(4000);
/** Optimistic concurrency: the `version` of the case the caller saw; a newer one answers 409. */
const expectedVersion = z
  .number()
  .int()
  .min(1)
  .optional()
  .openapi({ description: 'The case `version` you saw; if it changed since, 409 and nothing is changed' });

export const NewCaseSchema = z
  .object({
    alertIds: z.array(z.string().min(1).max(200)).min(1).max(1000),
    title: z.string().trim().min(1).max(300),
    assignee: z.string().min(1).max(200).optional(),
    linkSameParty: z
      .boolean()
      .default(true)
      .openapi({ description: 'Also link open alerts about the same party from any engine (default true)' }),
  })
  .openapi('NewCase');

export const AssignSchema = z
  .object({
    assignee: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .openapi({ description: 'A user name, or null to unassign' }),
    expectedVersion,
  })
  .openapi('CaseAssignment');
export const CommentSchema = z.object({ text: z.string().trim().min(1).max(20_000) }).openapi('NewComment');
export const StatusChangeSchema = z
  .object({
    status: z
      .enum(['open', 'in-review', 'escalated'])
      .openapi({ description: 'Closing goes through a disposition' }),
    expectedVersion,
  })
  .openapi('CaseStatusChange');
export const DispositionSchema = z
  .object({ disposition: z.enum(alertDispositionValues), reason, expectedVersion })
  .openapi('CaseDispositionRequest');
export const ReasonSchema = z.object({ reason, expectedVersion }).openapi('Reason');
export const ApprovalSchema = z.object({ expectedVersion }).openapi('Approval');

export const CaseIdParam = z.object({ id: z.string().min(1).max(200) });
export const EvidenceParams = CaseIdParam.extend({ evidenceId: z.string().min(1).max(200) });
export const EvidenceQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .openapi({ description: 'The file name to store the evidence under' }),
});
