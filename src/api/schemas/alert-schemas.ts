/**
 * Shapes of the alert-queue routes: the filter (kind, rule, severity, status, subject, assignee,
 * case, dates, list version), sort and cursor of `GET /alerts`, and the stored alert with its
 * workflow — the one queue every engine's alerts land in.
 */
import { z } from '@hono/zod-openapi';
import { AlertSchema, alertKinds, alertSeverities } from '../../core/index.js';

export const alertStatusValues = ['open', 'in-review', 'escalated', 'closed'] as const;
export const alertDispositionValues = ['true-match', 'false-positive', 'not-relevant'] as const;
export const alertSortValues = ['newest', 'oldest', 'score'] as const;

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date or time');

export const AlertQuerySchema = z.object({
  kind: z.enum(alertKinds).optional(),
  rule: z.string().min(1).max(200).optional().openapi({ description: 'Rule, detector or model name' }),
  severity: z.enum(alertSeverities).optional(),
  status: z.enum(alertStatusValues).optional(),
  subject: z.string().min(1).max(500).optional(),
  assignee: z.string().min(1).max(200).optional(),
  case: z.string().min(1).max(200).optional().openapi({ description: 'Alerts linked to this case id' }),
  from: isoTime.optional().openapi({ description: 'Raised at or after (inclusive)' }),
  to: isoTime.optional().openapi({ description: 'Raised at or before (inclusive)' }),
  listVersion: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: '`us-ofac-sdn@3` (that version) or `us-ofac-sdn` (any version of it)' }),
  sort: z.enum(alertSortValues).default('newest'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page' }),
});

export const AlertRecordSchema = AlertSchema.extend({
  status: z.enum(alertStatusValues),
  assignee: z.string().optional(),
  caseId: z.string().optional(),
  disposition: z.enum(alertDispositionValues).optional(),
  updatedAt: z.string().optional(),
}).openapi('AlertRecord');

export const AlertPageSchema = z
  .object({ alerts: z.array(AlertRecordSchema), nextCursor: z.string().optional() })
  .openapi('AlertPage');
