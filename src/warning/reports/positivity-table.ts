/**
 * Wide positivity tables as drug-checking services publish them (one row per month: samples
 * tested and positives per substance in columns, e.g. NYC's `Total_Lab, Total_Lab_Med_Pos`) turned
 * into reports with `count` positives of `tested`, so they flow through `warning run` unchanged.
 */
import { readCsvObjects } from '../../input/index.js';
import { z } from 'zod';
import { InputError } from '../../core/input-error.js';
import type { ParsedReports } from './substance-report.js';
import { reportSources, SubstanceReportSchema } from './substance-report.js';

export interface PositivityTableMapping {
  /** Column holding the month: "May 2025", "2025-05" or "2025-05-01". */
  periodColumn: string;
  /** Column holding the samples tested. */
  testedColumn: string;
  /** substance name → column holding its positives. */
  positives: Record<string, string>;
  region: string;
  source?: 'lab' | 'seizure' | 'drug-checking' | 'toxicology';
}

const MappingSchema = z.object({
  periodColumn: z.string().min(1),
  testedColumn: z.string().min(1),
  positives: z.record(z.string().min(1), z.string().min(1)),
  region: z.string().min(1),
  source: z.enum(reportSources).optional(),
});

/**
 * A mapping as read from its JSON file, checked field by field: an InputError names the file and
 * the first field at fault.
 *
 * @example
 * parsePositivityMapping(JSON.parse(text), 'nyc.json') // { periodColumn: 'yr_mo', … }
 */
export function parsePositivityMapping(raw: unknown, file: string): PositivityTableMapping {
  const mapping = MappingSchema.safeParse(raw);
  if (mapping.success) return mapping.data;
  const issue = mapping.error.issues[0]!;
  throw new InputError(issue.message, { file, field: issue.path.join('.') || 'mapping' });
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "May 2025" / "2025-05" / "2025-05-17" → "2025-05-01", or null. */
export function monthStart(text: string): string | null {
  const t = text.trim();
  const named = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (named) {
    const m = months.indexOf(named[1]!.toLowerCase());
    return m < 0 ? null : `${named[2]}-${String(m + 1).padStart(2, '0')}-01`;
  }
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(t);
  return iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? `${iso[1]}-${iso[2]}-01` : null;
}

/**
 * One report per row and substance; a row failing any check is rejected once, naming its line and
 * field, so `tableRows` = accepted rows + rejected rows (accepted rows × substances = reports).
 *
 * @example
 * positivityTableReports('yr_mo,Total_Lab,Med\nMay 2025,40,15\n',
 *   { periodColumn: 'yr_mo', testedColumn: 'Total_Lab', positives: { medetomidine: 'Med' }, region: 'NYC' });
 * // accepted: [{ date: '2025-05-01', region: 'NYC', substance: 'medetomidine', count: 15, tested: 40, line: 2 }]
 */
export function positivityTableReports(
  text: string,
  mapping: PositivityTableMapping,
  file = '',
): ParsedReports & { tableRows: number } {
  const out: ParsedReports = { accepted: [], rejected: [] };
  const records = readCsvObjects(text, file, { trim: true }).rows;
  for (const { values: record, line } of records) {
    const date = monthStart(record[mapping.periodColumn] ?? '');
    if (!date) {
      out.rejected.push({
        line,
        field: mapping.periodColumn,
        reason: 'must be a month such as "May 2025" or 2025-05',
      });
      continue;
    }
    const rows = [];
    let rejected = false;
    for (const [substance, column] of Object.entries(mapping.positives)) {
      // The report schema defaults a missing count to 1; here a missing positives cell is an error.
      if (!record[column]) {
        out.rejected.push({ line, field: column, reason: 'is required' });
        rejected = true;
        break;
      }
      const r = SubstanceReportSchema.safeParse({
        date,
        region: mapping.region,
        substance,
        count: record[column],
        tested: record[mapping.testedColumn] || undefined,
        source: mapping.source,
      });
      if (!r.success) {
        const issue = r.error.issues[0]!;
        const field = issue.path[0] === 'tested' ? mapping.testedColumn : column;
        const value = issue.path[0] === 'tested' ? record[mapping.testedColumn] : record[column];
        out.rejected.push({ line, field, reason: value ? issue.message : 'is required' });
        rejected = true;
        break;
      }
      rows.push({ ...r.data, line });
    }
    if (!rejected) out.accepted.push(...rows);
  }
  return { ...out, tableRows: records.length };
}
