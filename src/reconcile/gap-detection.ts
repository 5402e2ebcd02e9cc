/**
 * The gap rules, in order: quantity and value gaps of matched groups against their own baselines,
 * re-routing, end users who are not the importer, and records with no counterpart. Each rule is
 * its own file; controlled goods weigh more in every score.
 */
import { endUserGaps } from './end-user-gaps.js';
import type { GapInput } from './gap-input.js';
import { measureGroups } from './group-measures.js';
import { quantityValueGaps } from './quantity-value-gaps.js';
import type { ReconcileGap } from './reconcile-gap.js';
import { routingGaps } from './routing-gaps.js';
import { unmatchedGaps } from './unmatched-gaps.js';

export type { GapInput } from './gap-input.js';

/**
 * @example
 * const gaps = detectGaps({ exports, imports, columns, match, parties, items, options, exportCountry: 'US', importCountry: 'MX', valueCentre });
 */
export function detectGaps(input: GapInput): ReconcileGap[] {
  const gaps: ReconcileGap[] = [];
  const measures = measureGroups(input);
  quantityValueGaps(input, measures, gaps);
  const matchedImportOf: Array<number[] | undefined> = new Array(input.exports.length);
  for (const g of input.match.groups) for (const e of g.exports) matchedImportOf[e] = g.imports;
  routingGaps(input, measures.measures, matchedImportOf, gaps);
  endUserGaps(input, matchedImportOf, gaps);
  unmatchedGaps(input, gaps);
  gaps.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return gaps;
}
