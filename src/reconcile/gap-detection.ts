/**
 * The gap rules: what a matched group or an unmatched record says to an analyst. Quantity and value
 * differences are judged against the history of the same party pair and HS6 (else the country pair
 * and HS6, the HS6, everything) with median/MAD of log ratios; the other rules are red flags that
 * export-control agencies publish (end user not the importer, transit through third countries and
 * re-export hubs, goods that never arrive). Controlled goods weigh more in every score.
 */
import { BASE_UNIT, type UnitDimension } from './quantity-units.js';
import { type ControlledItems, ITEM_WEIGHT, type ItemStatus } from './controlled-items.js';
import { REEXPORT_HUBS } from './country-code.js';
import type { LedgerRecord } from './ledger-record.js';
import type { PartyDirectory } from './party-directory.js';
import type { ReconcileOptions } from './reconcile-options.js';
import type { MatchColumns, MatchGroup, MatchResult } from './record-matching.js';
import { type Baseline, BaselineBook } from './robust-baseline.js';
import { type GapKind, makeGap, type ReconcileGap } from './reconcile-gap.js';

export interface GapInput {
  exports: readonly LedgerRecord[];
  imports: readonly LedgerRecord[];
  columns: { exports: MatchColumns; imports: MatchColumns };
  match: MatchResult;
  parties: PartyDirectory;
  items: ControlledItems;
  options: ReconcileOptions;
  exportCountry: string;
  importCountry: string;
}

const LEVELS = ['party pair × HS6', 'country pair × HS6', 'HS6', 'all'];
const dimensions: UnitDimension[] = ['mass', 'volume', 'count'];

/** Strength of each kind before the goods' weight (controlled 1, watch 0.75, ordinary 0.5). */
const BASE_STRENGTH: Record<GapKind, number> = {
  'never-imported': 0.85,
  'never-exported': 0.6,
  'quantity-gap': 0.75,
  'value-gap': 0.65,
  'end-user-mismatch': 0.9,
  're-routing': 0.7,
};

interface GroupMeasure {
  group: MatchGroup;
  quantityKeys: Int32Array;
  valueKeys: Int32Array;
  currencyPair: string;
  /** log(import quantity / export quantity), NaN when dimensions differ. */
  rq: number;
  /** Relative rounding of the two quantities as written. */
  roundingQ: number;
  /** log(import FOB value / export FOB value), NaN when not comparable. */
  rv: number;
  roundingV: number;
}

/**
 * @example
 * const gaps = detectGaps({ exports, imports, columns, match, parties, items, options, exportCountry: 'US', importCountry: 'MX' });
 */
export function detectGaps(input: GapInput): ReconcileGap[] {
  const { exports, imports, match, parties, items, options } = input;
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  const gaps: ReconcileGap[] = [];

  // 1. Ratios of every matched group and their baselines.
  const quantityBook = new BaselineBook(LEVELS, options.minBaselineGroups);
  const valueBook = new BaselineBook(LEVELS, options.minBaselineGroups);
  const measures: GroupMeasure[] = [];
  for (const group of match.groups) {
    const e0 = exports[group.exports[0]!]!;
    const i0 = imports[group.imports[0]!]!;
    let qe = 0;
    let qi = 0;
    let he = 0;
    let hi = 0;
    let ve = 0;
    let vi = 0;
    let sameDimension = true;
    let sameCurrency = true;
    const dim = ec.dimension[group.exports[0]!]!;
    const cur = ec.currency[group.exports[0]!]!;
    for (const e of group.exports) {
      qe += ec.quantity[e]!;
      he += ec.halfStep[e]!;
      ve += ec.fob[e]!;
      if (ec.dimension[e] !== dim) sameDimension = false;
      if (ec.currency[e] !== cur) sameCurrency = false;
    }
    for (const i of group.imports) {
      qi += ic.quantity[i]!;
      hi += ic.halfStep[i]!;
      vi += ic.fob[i]!;
      if (ic.dimension[i] !== dim) sameDimension = false;
      if (ic.currency[i] !== cur) sameCurrency = false;
    }
    const currencyPair = sameCurrency ? e0.currency : `${e0.currency}/${i0.currency}`;
    const hs = e0.hs6;
    const keys = [
      `${ec.exporterParty[group.exports[0]!]}|${ec.importerParty[group.exports[0]!]}|${hs}`,
      `${e0.country}|${i0.country}|${hs}`,
      hs,
      '*',
    ];
    const m: GroupMeasure = {
      group,
      quantityKeys: quantityBook.keyIds(keys),
      valueKeys: valueBook.keyIds(keys.map((k) => `${k}|${currencyPair}`)),
      currencyPair,
      rq: sameDimension ? Math.log(qi / qe) : Number.NaN,
      roundingQ: he / qe + hi / qi,
      rv: ve > 0 && vi > 0 && sameCurrency ? Math.log(vi / ve) : Number.NaN,
      roundingV: ve > 0 && vi > 0 ? 0.005 / ve + 0.005 / vi : 0,
    };
    measures.push(m);
    quantityBook.add(m.quantityKeys, m.rq);
    // Different currencies: the ratio is still comparable with its own currency pair's history.
    if (Number.isNaN(m.rv) && ve > 0 && vi > 0) m.rv = Math.log(vi / ve);
    if (!Number.isNaN(m.rv)) valueBook.add(m.valueKeys, m.rv);
  }
  quantityBook.finish();
  valueBook.finish();

  // 2. Quantity and value gaps of matched groups.
  for (const m of measures) {
    const er = m.group.exports.map((e) => exports[e]!);
    const ir = m.group.imports.map((i) => imports[i]!);
    let known: ItemStatus | undefined;
    const itemStatus = (): ItemStatus => {
      known ??= items.statusOf([...er, ...ir]);
      return known;
    };
    const qb = quantityBook.baselineOf(m.quantityKeys);
    const zq = qb ? robustZ(m.rq, m.roundingQ, qb, options.minQuantityScale) : 0;
    const quantityGap = Math.abs(zq) >= options.gapZ;
    if (quantityGap && qb) {
      const dim = dimensions[ec.dimension[m.group.exports[0]!]!]!;
      const qe = sum(m.group.exports, ec.quantity);
      const qi = sum(m.group.imports, ic.quantity);
      const direction = m.rq < qb.median ? 'fewer' : 'more';
      gaps.push(
        makeGap('quantity-gap', ids(er), ids(ir), strength('quantity-gap', zq, options, itemStatus()), {
          summary:
            `${recordsPhrase('Import', ir)} declare${ir.length > 1 ? '' : 's'} ${fmt(qi)} ${BASE_UNIT[dim]} against ` +
            `${fmt(qe)} ${BASE_UNIT[dim]} exported in ${idsPhrase(er)} (${direction} than shipped: ratio ` +
            `${fmt(Math.exp(m.rq), 3)}; the usual ratio is ${fmt(Math.exp(qb.median), 3)} over ${qb.groups} matched ` +
            `shipments of ${levelPhrase(qb)}; robust z ${fmt(zq, 1)}).${itemPhrase(itemStatus())}`,
          quantity: {
            unit: BASE_UNIT[dim],
            exported: qe,
            imported: qi,
            log_ratio: round(m.rq, 5),
            baseline: baselineFacts(qb),
            robust_z: round(zq, 2),
          },
          ...groupFacts(er, ir, itemStatus(), parties),
        }),
      );
    }
    const currencyPair = m.currencyPair;
    const vb = Number.isNaN(m.rv) ? undefined : valueBook.baselineOf(m.valueKeys);
    if (!vb) continue;
    let zv = robustZ(m.rv, m.roundingV, vb, options.minValueScale);
    // When quantities differ too, the value gap must be more than the quantity gap explains:
    // the unit value must also be off, or it is one gap (quantity), not two.
    if (quantityGap && qb && Math.abs(zv) >= options.gapZ) {
      const unit = m.rv - m.rq - (vb.median - qb.median);
      zv =
        (Math.sign(unit) * Math.max(0, Math.abs(unit) - m.roundingV - m.roundingQ)) /
        Math.max(vb.scale, options.minValueScale);
    }
    if (Math.abs(zv) < options.gapZ) continue;
    const ve = sum(m.group.exports, ec.fob);
    const vi = sum(m.group.imports, ic.fob);
    const currencyNote = currencyPair.includes('/')
      ? ` (${currencyPair}, compared with that pair's history)`
      : '';
    gaps.push(
      makeGap('value-gap', ids(er), ids(ir), strength('value-gap', zv, options, itemStatus()), {
        summary:
          `${recordsPhrase('Import', ir)} value${ir.length > 1 ? '' : 's'} the goods at ${money(vi, ir[0]!.currency)} ` +
          `FOB-equivalent against ${money(ve, er[0]!.currency)} FOB exported in ${idsPhrase(er)}${currencyNote}: ` +
          `ratio ${fmt(Math.exp(m.rv), 3)}; the usual ratio is ${fmt(Math.exp(vb.median), 3)} over ${vb.groups} matched ` +
          `shipments of ${levelPhrase(vb)}; robust z ${fmt(zv, 1)}.${itemPhrase(itemStatus())}`,
        value: {
          exported_fob: round(ve, 2),
          imported_fob: round(vi, 2),
          currencies: currencyPair,
          freight_insurance_factor: options.freightInsuranceFactor,
          log_ratio: round(m.rv, 5),
          baseline: baselineFacts(vb),
          robust_z: round(zv, 2),
        },
        ...groupFacts(er, ir, itemStatus(), parties),
      }),
    );
  }

  // 3. Re-routing: declared origin of the import is not the exporting country.
  const matchedImportOf: Array<number[] | undefined> = new Array(exports.length);
  for (const m of measures) for (const e of m.group.exports) matchedImportOf[e] = m.group.imports;
  for (const m of measures) {
    const routedOrElsewhere =
      m.group.exports.some(
        (e) => exports[e]!.via.length > 0 || exports[e]!.country !== input.importCountry,
      ) || m.group.imports.some((i) => imports[i]!.country !== input.exportCountry);
    if (!routedOrElsewhere) continue;
    const er = m.group.exports.map((e) => exports[e]!);
    const ir = m.group.imports.map((i) => imports[i]!);
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

  // 4. Per export: transit through third countries (unmatched exports), an end user who is not the importer.
  for (let e = 0; e < exports.length; e++) {
    const r = exports[e]!;
    if (r.via.length === 0 && r.endUser === '') continue;
    const matched = matchedImportOf[e];
    const ir = (matched ?? []).map((i) => imports[i]!);
    const third = r.via.filter(
      (c) => c !== input.exportCountry && c !== input.importCountry && c !== r.country,
    );
    // Matched exports had their routing judged with their group above.
    if (third.length > 0 && !matched) {
      const status = items.statusOf([r, ...ir]);
      const hubs = third.filter((c) => REEXPORT_HUBS.has(c));
      gaps.push(
        makeGap(
          're-routing',
          [r.recordId],
          ids(ir),
          BASE_STRENGTH['re-routing'] * (hubs.length > 0 ? 1.15 : 1) * ITEM_WEIGHT[status.tier],
          {
            summary:
              `Export ${r.recordId} to ${r.country} declares transit through ${third.join(', ')}` +
              `${hubs.length > 0 ? ` (re-export hub${hubs.length > 1 ? 's' : ''} ${hubs.join(', ')})` : ''}, ` +
              `a third country between ${input.exportCountry} and ${r.country}.${itemPhrase(status)}`,
            routing: { via_countries: r.via, third_countries: third, reexport_hubs: hubs },
            ...groupFacts([r], ir, status, parties),
          },
        ),
      );
    }
    if (r.endUser !== '') {
      const endUser = ec.endUserName[e]!;
      const consignee = ec.importerName[e]!;
      const receivers = [consignee, ...(matched ?? []).map((x) => ic.importerName[x]!)];
      if (!receivers.some((x) => parties.sameParty(endUser, x))) {
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
  }

  // 5. Records with no counterpart, where a counterpart was to be expected.
  const importParties = new Set<number>(ic.importerParty);
  const exportParties = new Set<number>(ec.exporterParty);
  for (const e of match.unmatchedExports) {
    const r = exports[e]!;
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
    const r = imports[i]!;
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
  gaps.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return gaps;
}

/** Distance of a log ratio from its baseline in noise scales, after the ledgers' own rounding. */
function robustZ(r: number, rounding: number, b: Baseline, minScale: number): number {
  if (Number.isNaN(r)) return 0;
  const d = r - b.median;
  const beyond = Math.max(0, Math.abs(d) - rounding);
  return (Math.sign(d) * beyond) / Math.max(b.scale, minScale);
}

function strength(kind: GapKind, z: number, options: ReconcileOptions, status: ItemStatus): number {
  // From the kind's base at the threshold up to 1 at three times the threshold.
  const beyond = Math.min(1, (Math.abs(z) - options.gapZ) / (2 * options.gapZ));
  const base = BASE_STRENGTH[kind];
  return (base + (1 - base) * beyond) * ITEM_WEIGHT[status.tier];
}

function groupFacts(er: LedgerRecord[], ir: LedgerRecord[], status: ItemStatus, parties: PartyDirectory) {
  const exporterScore =
    er[0] && ir[0] ? parties.similarity(parties.id(er[0].exporter), parties.id(ir[0].exporter)) : undefined;
  const importerScore =
    er[0] && ir[0] ? parties.similarity(parties.id(er[0].importer), parties.id(ir[0].importer)) : undefined;
  return {
    goods: {
      tier: status.tier,
      reason: status.reason,
      source: status.source,
      weight: ITEM_WEIGHT[status.tier],
    },
    exports: er.map(recordFacts),
    imports: ir.map(recordFacts),
    ...(er[0] && ir[0]
      ? {
          match: {
            shape: er.length > 1 ? 'consolidation' : ir.length > 1 ? 'split' : 'one-to-one',
            lag_days: Math.min(...ir.map((x) => x.day)) - Math.min(...er.map((x) => x.day)),
            exporter_name_score: round(exporterScore ?? 0, 3),
            importer_name_score: round(importerScore ?? 0, 3),
          },
        }
      : {}),
  };
}

function recordFacts(r: LedgerRecord) {
  return {
    record_id: r.recordId,
    line: r.line,
    date: r.date,
    exporter: r.exporter,
    importer: r.importer,
    ...(r.side === 'export'
      ? { end_user: r.endUser, destination_country: r.country, via_countries: r.via, eccn: r.eccn }
      : { origin_country: r.country }),
    hs_code: r.hsCode,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    value: r.value,
    currency: r.currency,
    value_basis: r.valueBasis,
  };
}

function levelPhrase(b: Baseline): string {
  if (b.level === 'party pair × HS6') return 'the same parties and HS6';
  if (b.level === 'country pair × HS6') return 'the same country pair and HS6';
  if (b.level === 'HS6') return 'the same HS6';
  return 'all goods';
}

function baselineFacts(b: Baseline) {
  return {
    level: b.level,
    median_ratio: round(Math.exp(b.median), 4),
    log_scale: round(b.scale, 5),
    groups: b.groups,
  };
}

function ids(records: LedgerRecord[]): string[] {
  return records.map((r) => r.recordId);
}

function idsPhrase(records: LedgerRecord[]): string {
  return records.length === 1
    ? `export ${records[0]!.recordId}`
    : `exports ${records.map((r) => r.recordId).join(', ')}`;
}

function recordsPhrase(word: string, records: LedgerRecord[]): string {
  return records.length === 1
    ? `${word} ${records[0]!.recordId}`
    : `${word}s ${records.map((r) => r.recordId).join(', ')}`;
}

function itemPhrase(status: ItemStatus): string {
  if (status.tier === 'controlled') return ` Controlled goods: ${status.reason}.`;
  if (status.tier === 'watch')
    return ` Goods of a kind controlled items are declared under: ${status.reason}.`;
  return '';
}

function sum(indices: number[], column: Float64Array): number {
  let s = 0;
  for (const k of indices) s += column[k]!;
  return s;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** 12345.678 → "12,345.68" (toLocaleString costs ~100 µs a call; gaps can number tens of thousands). */
function fmt(x: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f) / f;
  const [whole, fraction] = String(r).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && r !== 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function money(x: number, currency: string): string {
  return `${currency} ${fmt(x, 2)}`;
}
