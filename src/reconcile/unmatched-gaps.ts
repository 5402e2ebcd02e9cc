/**
 * Records with no counterpart where one was to be expected: exports to the importing country (or
 * to a party the importer ledger knows) never imported, and imports from the exporting country
 * (or from a party the exporter ledger knows) never exported.
 */
import { BASE_STRENGTH, fmt, groupFacts, ITEM_WEIGHT, itemPhrase, money } from './gap-evidence.js';
import type { GapInput } from './gap-input.js';
import { makeGap, type ReconcileGap } from './reconcile-gap.js';

/**
 * @example
 * unmatchedGaps(input, gaps);
 */
export function unmatchedGaps(input: GapInput, gaps: ReconcileGap[]): void {
  const { exports, imports, items, options, parties, match } = input;
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  const importParties = new Set<number>(ic.importerParty);
  const exportParties = new Set<number>(ec.exporterParty);
  for (const e of match.unmatchedExports) {
    const r = exports.record(e);
    const inScope =
      r.country === input.importCountry ||
      r.via.includes(input.importCountry) ||
      importParties.has(ec.importerParty[e]!);
    if (!inScope) continue;
    const status = items.statusOf([r]);
    const window = options.maxLagDays + (r.via.length > 0 ? options.routedExtraLagDays : 0);
    gaps.push(
      makeGap(
        'never-imported',
        [r.recordId],
        [],
        BASE_STRENGTH['never-imported'] * ITEM_WEIGHT[status.tier],
        {
          summary:
            `Export ${r.recordId} (${r.date}, ${fmt(r.quantity)} ${r.unit} of HS ${r.hs6}, ${money(r.value, r.currency)} ${r.valueBasis}) ` +
            `from "${r.exporter}" to "${r.importer}" in ${r.country} has no matching import declaration ` +
            `within ${window} days.${itemPhrase(status)}`,
          window_days: { before: options.maxLeadDays, after: window },
          ...groupFacts([r], [], status, parties),
        },
      ),
    );
  }
  for (const i of match.unmatchedImports) {
    const r = imports.record(i);
    const inScope = r.country === input.exportCountry || exportParties.has(ic.exporterParty[i]!);
    if (!inScope) continue;
    const status = items.statusOf([r]);
    gaps.push(
      makeGap(
        'never-exported',
        [],
        [r.recordId],
        BASE_STRENGTH['never-exported'] * ITEM_WEIGHT[status.tier],
        {
          summary:
            `Import ${r.recordId} (${r.date}, ${fmt(r.quantity)} ${r.unit} of HS ${r.hs6}, ${money(r.value, r.currency)} ${r.valueBasis}) ` +
            `by "${r.importer}" from "${r.exporter}" (origin ${r.country}) has no matching export declaration ` +
            `in the ${options.maxLagDays + options.routedExtraLagDays} days before it.${itemPhrase(status)}`,
          window_days: {
            before: options.maxLagDays + options.routedExtraLagDays,
            after: options.maxLeadDays,
          },
          ...groupFacts([], [r], status, parties),
        },
      ),
    );
  }
}
