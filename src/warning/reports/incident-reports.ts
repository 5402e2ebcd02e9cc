/**
 * Precursor seizure and incident reports (date, country, chemical name or CAS number, quantity)
 * read into the early-warning reports, one incident each, so a chemical turning up in seizures is
 * seen as new or rising before it is scheduled. The chemical is resolved by a resolver handed in
 * (the goods catalog's names, synonyms and CAS numbers); this engine stays free of the catalog.
 *
 * Policy: a row with a malformed value (date, country, quantity, a CAS number that is not one or
 * has a wrong check digit, two identifiers naming different chemicals) is rejected with its line
 * and field. A well-written chemical the catalog does not list is KEPT under its written name (or
 * "CAS n-n-n") and reported as unlisted, because an unscheduled chemical appearing in seizures is
 * precisely what early warning exists to show; rejecting it would hide it.
 */
import { readCsvObjects } from '../../input/index.js';
import { z } from 'zod';
import type { ParsedReports } from './substance-report.js';
import { SubstanceReportSchema } from './substance-report.js';
import { displayName } from './substance-synonyms.js';
import { forEachJsonLineRow } from './json-line-rows.js';

export type IncidentChemical =
  | { kind: 'listed'; name: string; by: 'cas' | 'name' }
  | { kind: 'unlisted'; cas?: string; name?: string }
  | { kind: 'invalid'; field: 'chemical' | 'cas'; reason: string };

/** Resolves a row's chemical cell and optional CAS cell (handed in by the services layer). */
export type IncidentChemicalResolver = (
  chemical: string | undefined,
  cas: string | undefined,
) => IncidentChemical;

export interface ParsedIncidents extends ParsedReports {
  /** Series name of an unlisted chemical → the lines that report it. */
  unlisted: Map<string, number[]>;
  /** Accepted rows resolved to the catalog by CAS number and by name. */
  resolvedBy: { cas: number; name: number };
}

const IncidentRowSchema = z.object({
  date: SubstanceReportSchema.shape.date,
  country: z.string().trim().min(1, 'must not be empty'),
  quantity: z.coerce.number({ error: 'must be a number' }).nonnegative('must not be negative').optional(),
  unit: z.string().trim().min(1).optional(),
});

/** Header names accepted for each field (lower case). */
const aliases: Record<string, string> = {
  date: 'date',
  country: 'country',
  chemical: 'chemical',
  substance: 'chemical',
  name: 'chemical',
  cas: 'cas',
  'cas number': 'cas',
  cas_number: 'cas',
  quantity: 'quantity',
  unit: 'unit',
};

/** The columns an incident file must have: date, country, and a chemical or CAS column. */
export function looksLikeIncidentHeader(columns: readonly string[]): boolean {
  const fields = new Set(columns.map((c) => aliases[c.trim().toLowerCase()]));
  return fields.has('date') && fields.has('country') && (fields.has('chemical') || fields.has('cas'));
}

function country(text: string): string {
  const t = text.trim();
  // ISO codes are compared whatever their case ("mx" and "MX" are one country).
  return /^[A-Za-z]{2,3}$/.test(t) ? t.toUpperCase() : t;
}

function readRow(
  raw: Record<string, unknown>,
  line: number,
  resolve: IncidentChemicalResolver,
  out: ParsedIncidents,
): void {
  const cells: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const field = aliases[k.trim().toLowerCase()];
    if (!field || v === null || v === undefined) continue;
    const text = String(v).trim();
    if (text !== '') cells[field] = text;
  }
  const row = IncidentRowSchema.safeParse(cells);
  if (!row.success) {
    const issue = row.error.issues[0]!;
    const field = String(issue.path[0] ?? 'row');
    out.rejected.push({ line, field, reason: cells[field] === undefined ? 'is required' : issue.message });
    return;
  }
  const chemical = resolve(cells.chemical, cells.cas);
  if (chemical.kind === 'invalid') {
    out.rejected.push({ line, field: chemical.field, reason: chemical.reason });
    return;
  }
  let substance: string;
  if (chemical.kind === 'listed') {
    substance = chemical.name;
    out.resolvedBy[chemical.by]++;
  } else {
    substance = chemical.cas ? `CAS ${chemical.cas}` : displayName(chemical.name ?? '');
    const lines = out.unlisted.get(substance) ?? [];
    lines.push(line);
    out.unlisted.set(substance, lines);
  }
  out.accepted.push({
    date: row.data.date,
    region: country(row.data.country),
    substance,
    count: 1,
    ...(row.data.quantity !== undefined && { quantity: row.data.quantity }),
    ...(row.data.unit !== undefined && { unit: row.data.unit }),
    source: 'seizure',
    line,
  });
}

/**
 * One report per incident row (count 1: rises are judged on the number of incidents, not on the
 * quantities seized, which vary by orders of magnitude between one seizure and the next).
 *
 * @example
 * parseIncidentReports('date,country,chemical,quantity\n2025-03-02,MX,108247,200\n', 'csv', resolve);
 * // accepted: [{ date: '2025-03-02', region: 'MX', substance: 'Acetic anhydride', count: 1, quantity: 200, … }]
 */
export function parseIncidentReports(
  text: string,
  format: 'csv' | 'jsonl',
  resolve: IncidentChemicalResolver,
  file = '',
): ParsedIncidents {
  const out: ParsedIncidents = {
    accepted: [],
    rejected: [],
    unlisted: new Map(),
    resolvedBy: { cas: 0, name: 0 },
  };
  if (format === 'jsonl') {
    forEachJsonLineRow(
      text,
      (row, line) => readRow(row, line, resolve, out),
      (reject) => out.rejected.push(reject),
    );
    return out;
  }
  for (const r of readCsvObjects(text, file).rows) readRow(r.values, r.line, resolve, out);
  return out;
}
