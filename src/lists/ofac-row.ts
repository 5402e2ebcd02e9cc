/**
 * One row of an OFAC file with where it came from, and OFAC's empty-field marker.
 */

/** A row and where it came from, so later errors and warnings can point at it. */
export interface LocatedRow {
  file: string;
  line: number;
  fields: string[];
}

/** OFAC writes an empty field as `-0-` (with a trailing space). */
export function ofacValue(field: string | undefined): string {
  const t = (field ?? '').trim();
  return t === '-0-' ? '' : t;
}
