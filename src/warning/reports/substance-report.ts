/**
 * One identification or seizure report (lab, seizure, drug-checking, toxicology) and the parser
 * that reads them from CSV or JSON lines, keeping per-row errors so counts in = accepted + rejected.
 */
import type { RowReject } from '../../core/input-error.js';
import { readCsvObjects } from '../../input/index.js';
import { z } from 'zod';
import { forEachJsonLineRow } from './json-line-rows.js';

export const reportSources = ['lab', 'seizure', 'drug-checking', 'toxicology'] as const;

export const SubstanceReportSchema = z
  .object({
    /** ISO date `YYYY-MM-DD`. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine(
        (d) =>
          !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
          new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'is not a valid calendar date',
      ),
    region: z.string().trim().min(1, 'must not be empty'),
    substance: z.string().trim().min(1, 'must not be empty'),
    count: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .nonnegative('must not be negative')
      .default(1),
    /**
     * Samples tested for this substance in the batch the row summarises (its period and region), of
     * which `count` were positive: the denominator for positivity. Write rows with count 0 for
     * batches where the substance was not found.
     */
    tested: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .nonnegative('must not be negative')
      .optional(),
    quantity: z.coerce.number({ error: 'must be a number' }).nonnegative('must not be negative').optional(),
    unit: z.string().trim().min(1).optional(),
    source: z.enum(reportSources).optional(),
  })
  .refine((r) => r.tested === undefined || r.count <= r.tested, {
    path: ['tested'],
    message: 'must be at least count (positives cannot exceed samples tested)',
  });
export type SubstanceReport = z.infer<typeof SubstanceReportSchema>;

export interface ParsedReports {
  accepted: (SubstanceReport & { line: number })[];
  rejected: RowReject[];
}

function validate(raw: Record<string, unknown>, line: number, out: ParsedReports): void {
  const cleaned: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const key = k.trim().toLowerCase();
    if (v === '' || v === null) continue;
    cleaned[key] = typeof v === 'string' ? v.trim() : v;
  }
  const result = SubstanceReportSchema.safeParse(cleaned);
  if (result.success) {
    out.accepted.push({ ...result.data, line });
    return;
  }
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? 'row');
  const reason = cleaned[field] === undefined && issue.code !== 'custom' ? 'is required' : issue.message;
  out.rejected.push({ line, field, reason });
}

/**
 * @example
 * parseReports('date,region,substance\n2024-01-03,TX,xylazine\n', 'csv');
 * // { accepted: [{ date: '2024-01-03', region: 'TX', substance: 'xylazine', count: 1, line: 2 }], rejected: [] }
 */
export function parseReports(text: string, format: 'csv' | 'jsonl', file = ''): ParsedReports {
  const out: ParsedReports = { accepted: [], rejected: [] };
  if (format === 'jsonl') {
    forEachJsonLineRow(
      text,
      (row, line) => validate(row, line, out),
      (reject) => out.rejected.push(reject),
    );
    return out;
  }
  for (const r of readCsvObjects(text, file).rows) validate(r.values, r.line, out);
  return out;
}
