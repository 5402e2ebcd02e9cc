/**
 * Re-routing: goods declared through third countries or re-export hubs, or arriving with an
 * origin other than the exporting country, or a destination other than the importing one —
 * a red flag export-control agencies publish for diversion.
 */
import { REEXPORT_HUBS } from './country-code.js';
import {
  BASE_STRENGTH,
  groupFacts,
  ids,
  idsPhrase,
  ITEM_WEIGHT,
  itemPhrase,
  recordsPhrase,
} from './gap-evidence.js';
import type { GapInput } from './gap-input.js';
import { makeGap, type ReconcileGap } from './reconcile-gap.js';
import type { GroupMeasure } from './group-measures.js';

/**
 * @example
 * routingGaps(input, measures, matchedImportOf, gaps);
 */
export function routingGaps(
  input: GapInput,
  measures: readonly GroupMeasure[],
  matchedImportOf: ReadonlyArray<number[] | undefined>,
  gaps: ReconcileGap[],
): void {
  const { exports, imports, items, parties } = input;
  // Matched groups: declared origin of the import is not the exporting country, or transit.
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  for (const m of measures) {
    let routedOrElsewhere = false;
    for (const e of m.group.exports)
      if (ec.routed[e] || ec.country[e] !== input.importCountryId) routedOrElsewhere = true;
    for (const i of m.group.imports) if (ic.country[i] !== input.exportCountryId) routedOrElsewhere = true;
    if (!routedOrElsewhere) continue;
    const er = m.group.exports.map((e) => exports.record(e));
    const ir = m.group.imports.map((i) => imports.record(i));
    const origins = [...new Set(ir.map((r) => r.country))].filter((c) => c !== input.exportCountry);
    const destinations = [...new Set(er.map((r) => r.country))].filter((c) => c !== input.importCountry);
    const third = [...new Set(er.flatMap((r) => r.via))].filter(
      (c) => c !== input.exportCountry && c !== input.importCountry,
    );
    if (origins.length === 0 && destinations.length === 0 && third.length === 0) continue;
    const status = items.statusOf([...er, ...ir]);
    const hub = [...origins, ...destinations, ...third].some((c) => REEXPORT_HUBS.has(c));
    const parts: string[] = [];
    if (origins.length > 0)
      parts.push(
        `${recordsPhrase('Import', ir)} declare${ir.length > 1 ? '' : 's'} origin ${origins.join(', ')} while the matching export left from ${input.exportCountry}`,
      );
    if (destinations.length > 0)
      parts.push(
        `${idsPhrase(er)} declared destination ${destinations.join(', ')}, yet the goods were imported in ${input.importCountry}`,
      );
    if (third.length > 0)
      parts.push(
        `${idsPhrase(er)} declared transit through ${third.join(', ')}, a third country between ${input.exportCountry} and ${input.importCountry}`,
      );
    gaps.push(
      makeGap(
        're-routing',
        ids(er),
        ids(ir),
        BASE_STRENGTH['re-routing'] * (hub ? 1.15 : 1) * ITEM_WEIGHT[status.tier],
        {
          summary: `${parts.join('; ')}${hub ? ' (a re-export hub)' : ''}.${itemPhrase(status)}`,
          routing: {
            declared_origins: [...new Set(ir.map((r) => r.country))],
            declared_destinations: [...new Set(er.map((r) => r.country))],
            via_countries: [...new Set(er.flatMap((r) => r.via))],
            third_countries: third,
            export_country: input.exportCountry,
            import_country: input.importCountry,
            reexport_hub: hub,
          },
          ...groupFacts(er, ir, status, parties),
        },
      ),
    );
  }
  // Unmatched exports declaring transit through a third country.
  // Matched exports had their routing judged with their group above.
  for (let e = 0; e < exports.length; e++) {
    if (!ec.routed[e] || matchedImportOf[e]) continue;
    const r = exports.record(e);
    const third = r.via.filter(
      (c) => c !== input.exportCountry && c !== input.importCountry && c !== r.country,
    );
    if (third.length > 0) {
      const status = items.statusOf([r]);
      const hubs = third.filter((c) => REEXPORT_HUBS.has(c));
      gaps.push(
        makeGap(
          're-routing',
          [r.recordId],
          [],
          BASE_STRENGTH['re-routing'] * (hubs.length > 0 ? 1.15 : 1) * ITEM_WEIGHT[status.tier],
          {
            summary:
              `Export ${r.recordId} to ${r.country} declares transit through ${third.join(', ')}` +
              `${hubs.length > 0 ? ` (re-export hub${hubs.length > 1 ? 's' : ''} ${hubs.join(', ')})` : ''}, ` +
              `a third country between ${input.exportCountry} and ${r.country}.${itemPhrase(status)}`,
            routing: { via_countries: r.via, third_countries: third, reexport_hubs: hubs },
            ...groupFacts([r], [], status, parties),
          },
        ),
      );
    }
  }
}
