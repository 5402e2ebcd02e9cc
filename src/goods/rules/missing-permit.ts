/**
 * Rule `missing-permit`: a regulated item crosses a border and what the route requires — a
 * pre-export notification for UN-tabled chemicals, a DEA import or export declaration at or above
 * the US threshold, an EU import or export authorisation, an export licence for 3A090/4A090
 * items to licence destinations — has no `permit_ref` on the line. Domestic sales are left to
 * the split-order rule (their obligations are records and registrations, not permits).
 */
import { listLabels } from '../catalog-index.js';
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import {
  applicableThreshold,
  formatMeasure,
  listedQuantity,
  routeOf,
  thresholdIn,
} from '../transaction-threshold.js';
import type { RuleContext } from './rule-context.js';

export function missingPermit(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const id = reading.identification;
  const line = reading.line;
  if (!id || line.permitRef !== '') return undefined;
  const route = routeOf(line);
  if (route === 'domestic') return undefined;
  const to = line.shipToCountry || line.buyerCountry;
  const requirements: string[] = [];
  let high = false;
  if (id.type === 'dual-use') {
    const licence = ctx.index.computingLicence.has(to);
    requirements.push(
      licence
        ? `an export licence (EAR, ECCN ${id.hit.eccn}) for ${to}`
        : `an export licence or a recorded licence exception (EAR, ECCN ${id.hit.eccn}); the requirement for ${to || 'this destination'} is not modelled`,
    );
    high = licence;
    return {
      rule: 'missing-permit',
      subject: `line:${line.lineId}`,
      lineIds: [line.lineId],
      item: ctx.index.item(id.hit.item.id)!,
      severity: high ? 'high' : 'medium',
      summary: `"${line.description}" names ${id.hit.model}, an ECCN ${id.hit.eccn} item, shipped to ${to || 'an unstated country'} with no permit reference; the route calls for ${requirements[0]}.`,
      facts: { model: id.hit.model, eccn: id.hit.eccn, route, requires: requirements, ship_to_country: to },
    };
  }
  const item = id.item;
  const origin = line.originCountry;
  if (item.un.table !== 'none') {
    requirements.push(`a pre-export notification (UN Table ${item.un.table}, 1988 Convention art. 12(10))`);
    high ||= item.un.table === 'I';
  }
  if (item.us.list === 'I' || item.us.list === 'II') {
    const reached = usThresholdReached(reading, ctx);
    if (reached && to === 'US')
      requirements.push(`a DEA import declaration (US List ${item.us.list}${reached})`);
    if (reached && origin === 'US' && to !== 'US')
      requirements.push(`a DEA export declaration (US List ${item.us.list}${reached})`);
    high ||= item.us.list === 'I' && (to === 'US' || origin === 'US') && reached !== '';
  }
  const eu = item.eu.category;
  if (eu !== 'none' && eu !== 'see note') {
    if (ctx.index.eu.has(to) && !ctx.index.eu.has(origin) && eu === '1')
      requirements.push('an EU import authorisation (Reg. (EC) 111/2005, Category 1)');
    if (ctx.index.eu.has(origin) && !ctx.index.eu.has(to))
      requirements.push(`an EU export authorisation (Reg. (EC) 111/2005, Category ${eu})`);
    high ||= eu === '1';
  }
  const lists = listLabels({ type: 'chemical', ...item });
  if (
    requirements.length === 0 &&
    lists.length > 0 &&
    !(item.us.list === 'proposed-I' && lists.length === 1)
  ) {
    // The catalog holds no national list for the destination: the line is raised for review.
    requirements.push(
      `the import authorisation ${to || 'the destination'} may require (the catalog holds no national list for ${to || 'it'}; the item is on ${lists.join(', ')})`,
    );
  }
  if (requirements.length === 0) return undefined;
  return {
    rule: 'missing-permit',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    item: ctx.index.item(item.id)!,
    severity: high ? 'high' : 'medium',
    summary: `${describeMatch(reading)} ships ${origin ? `from ${origin} ` : ''}to ${to || 'an unstated country'} with no permit reference; the route calls for ${requirements.join('; ')}.`,
    facts: {
      route,
      requires: requirements,
      origin_country: origin,
      ship_to_country: to,
      quantity: line.quantityText,
    },
  };
}

/** '' when the US threshold is not reached; otherwise how (`, any quantity` / `, 30 kg ≥ 4 kg`). */
function usThresholdReached(reading: LineReading, ctx: RuleContext): string {
  const id = reading.identification;
  if (id?.type !== 'chemical') return '';
  const t = id.item.us.threshold;
  if (!t) return '';
  if (t.anyQuantity) return ', any quantity';
  const applicable = applicableThreshold(id.item, reading.line, ctx.index.usDesignated);
  if (!applicable) return '';
  const q = listedQuantity(reading.line, id.listedFraction);
  const limit = thresholdIn(applicable.measure, q.dimension);
  if (limit === undefined || q.value < limit) return '';
  return `, at or above the ${applicable.scope} threshold of ${formatMeasure(applicable.measure)}`;
}

/** "declared as 'X' (CAS …), read as <item> by CAS/name" — how the line was identified, for summaries. */
export function describeMatch(reading: LineReading): string {
  const id = reading.identification;
  const line = reading.line;
  if (!id) return `"${line.description}"`;
  if (id.type === 'dual-use') return `"${line.description}" (${id.hit.model}, ECCN ${id.hit.eccn})`;
  const cas = line.cas.kind === 'number' ? line.cas.cas : '';
  switch (id.by) {
    case 'cas':
      return id.nameHit
        ? `"${line.description}" (CAS ${cas})`
        : `"${line.description}" (CAS ${cas}, the CAS of ${id.item.name})`;
    case 'cas-without-check-digit':
      return `"${line.description}" (CAS ${cas}, ${id.item.name}'s ${id.item.cas[0]} but for the check digit)`;
    default: {
      const h = id.nameHit;
      const how =
        h?.kind === 'near-miss'
          ? `, read as ${id.item.name} (${h.distance} letter${h.distance > 1 ? 's' : ''} from "${h.name}")`
          : h && h.name !== id.item.name
            ? `, which names ${id.item.name} (as "${h.name}")`
            : '';
      return `"${line.description}"${how}`;
    }
  }
}
