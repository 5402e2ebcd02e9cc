/**
 * What every CaseStore implementation shares beyond SQL: page sizes, the keyset cursor over
 * (createdAt, id), and which cases wait for a supervisor, so both backends page identically.
 */
import type { Case } from '../core/index.js';
// The defining file, not the core barrel: opening the stores must not load zod.
import { InputError } from '../core/input-error.js';

export const defaultCasePage = 100;
export const maxCasePage = 1000;

/** The page size asked for, kept within 1 to `maxCasePage`. */
export function casePageSize(limit: number | undefined): number {
  return Math.min(maxCasePage, Math.max(1, Math.floor(limit ?? defaultCasePage)));
}

/** A true-match disposition on an open case without a supervisor's approval yet. */
export function awaitingApproval(c: Case): boolean {
  return c.status !== 'closed' && c.disposition?.kind === 'true-match' && !c.approval;
}

export function encodeCaseCursor(c: Case): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

export function decodeCaseCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through to the error below
  }
  throw new InputError('not a cursor this store produced', { field: 'cursor' });
}
