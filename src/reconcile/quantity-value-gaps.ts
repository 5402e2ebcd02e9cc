/**
 * Quantity and value gaps of matched groups: a ratio further from its own baseline than the gap
 * threshold (robust z after the ledgers' rounding). A value gap must be more than the quantity gap
 * explains — a short delivery invoiced short is one gap, not two.
 */
import type { ItemStatus } from './controlled-items.js';
import {
  baselineFacts,
  fmt,
  groupFacts,
  ids,
  idsPhrase,
  itemPhrase,
  levelPhrase,
  money,
  recordsPhrase,
  robustZ,
  round,
  strength,
  sum,
} from './gap-evidence.js';
import type { GapInput } from './gap-input.js';
import type { GroupMeasures } from './group-measures.js';
import { BASE_UNIT, type UnitDimension } from './quantity-units.js';
import { makeGap, type ReconcileGap } from './reconcile-gap.js';

const dimensions: UnitDimension[] = ['mass', 'volume', 'count'];

/**
 * @example
 * quantityValueGaps(input, measureGroups(input), gaps);
 */
export function quantityValueGaps(input: GapInput, g: GroupMeasures, gaps: ReconcileGap[]): void {
  const { exports, imports, items, options, parties } = input;
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  const { measures, quantityBook, valueBook } = g;
  for (const m of measures) {
    const qb = quantityBook.baselineOf(m.quantityKeys);
    const zq = qb ? robustZ(m.rq, m.roundingQ, qb, options.minQuantityScale) : 0;
    const quantityGap = Math.abs(zq) >= options.gapZ;
    const vb0 = Number.isNaN(m.rv) ? undefined : valueBook.baselineOf(m.valueKeys);
    // Most groups agree: nothing is built for them.
    if (
      !quantityGap &&
      !(vb0 && Math.abs(robustZ(m.rv, m.roundingV, vb0, options.minValueScale)) >= options.gapZ)
    )
      continue;
    const er = m.group.exports.map((e) => exports.record(e));
    const ir = m.group.imports.map((i) => imports.record(i));
    let known: ItemStatus | undefined;
    const itemStatus = (): ItemStatus => {
      known ??= items.statusOf([...er, ...ir]);
      return known;
    };
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
    const vb = vb0;
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
      ? ` (${currencyPair}, after the usual ${currencyPair} ratio of that month, ${fmt(Math.exp(m.valueCentre), 4)})`
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
          currency_month_log_ratio: round(m.valueCentre, 5),
          baseline: baselineFacts(vb),
          robust_z: round(zv, 2),
        },
        ...groupFacts(er, ir, itemStatus(), parties),
      }),
    );
  }
}
