/**
 * End-user mismatch: the licence or declaration names an end user who is not the consignee nor
 * the importer that received the goods (by the name matcher) — a published diversion red flag.
 */
import { BASE_STRENGTH, fmt, groupFacts, ids, ITEM_WEIGHT, itemPhrase, round } from './gap-evidence.js';
import type { GapInput } from './gap-input.js';
import { makeGap, type ReconcileGap } from './reconcile-gap.js';

/**
 * @example
 * endUserGaps(input, matchedImportOf, gaps);
 */
export function endUserGaps(
  input: GapInput,
  matchedImportOf: ReadonlyArray<number[] | undefined>,
  gaps: ReconcileGap[],
): void {
  const { exports, imports, items, parties } = input;
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  for (let e = 0; e < exports.length; e++) {
    const endUser = ec.endUserName[e]!;
    if (endUser < 0) continue;
    const matched = matchedImportOf[e] ?? [];
    const consignee = ec.importerName[e]!;
    const receivers = [consignee, ...matched.map((x) => ic.importerName[x]!)];
    if (receivers.some((x) => parties.sameParty(endUser, x))) continue;
    const r = exports.record(e);
    const ir = matched.map((i) => imports.record(i));
    const status = items.statusOf([r, ...ir]);
    const best = Math.max(...receivers.map((x) => parties.similarity(endUser, x)));
    gaps.push(
      makeGap(
        'end-user-mismatch',
        [r.recordId],
        ids(ir),
        BASE_STRENGTH['end-user-mismatch'] * ITEM_WEIGHT[status.tier],
        {
          summary:
            `Export ${r.recordId} names "${r.endUser}" as end user, but the goods are consigned to "${r.importer}"` +
            `${ir.length > 0 ? ` and were imported by "${ir[0]!.importer}"` : ''}; the name matcher scores them ` +
            `${fmt(best, 2)} (same party from ${fmt(parties.threshold, 2)}).${itemPhrase(status)}`,
          parties: {
            end_user: r.endUser,
            consignee: r.importer,
            importers: ir.map((x) => x.importer),
            best_name_score: round(best, 3),
          },
          ...groupFacts([r], ir, status, parties),
        },
      ),
    );
  }
}
