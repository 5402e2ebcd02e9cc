/**
 * Which threshold applies to a line and whether the line reaches it. 21 CFR 1310.04(f) sets one
 * threshold for imports and exports and another for domestic sales, each either per transaction
 * or cumulative over a calendar month, in mass or volume ("500 gallons or 1,500 kilograms").
 * Mixtures count by the listed chemical's weight, except the chemicals counted as whole mixture.
 */
import type { ChemicalItem, ThresholdMeasure } from './catalog-schema.js';
import type { OrderLine } from './order-line.js';
import { formatQuantity, LITRES_PER_US_GALLON, type Quantity } from './quantity-units.js';

export type Route = 'cross-border' | 'domestic' | 'unknown-origin';

/** Cross-border when the origin differs from the destination or the goods pass through other countries. */
export function routeOf(line: OrderLine): Route {
  if (line.viaCountries.length > 0) return 'cross-border';
  if (line.originCountry === '') return 'unknown-origin';
  if (line.shipToCountry === '') return 'unknown-origin';
  return line.originCountry === line.shipToCountry ? 'domestic' : 'cross-border';
}

export interface ApplicableThreshold {
  measure: ThresholdMeasure;
  /** 'import/export' or 'domestic sales', as the regulation words it. */
  scope: 'import/export' | 'domestic sales';
  /** Whether several transactions in a calendar month add up. */
  cumulative: boolean;
  /** Why this threshold was chosen when the route was not stated. */
  note?: string;
}

/** The threshold for this line's route, or undefined when none applies (any quantity, or not listed). */
export function applicableThreshold(
  item: ChemicalItem,
  line: OrderLine,
  designated: ReadonlySet<string>,
): ApplicableThreshold | undefined {
  const t = item.us.threshold;
  if (!t || t.anyQuantity) return undefined;
  const route = routeOf(line);
  if (t.designatedCountriesOnly && !designated.has(line.shipToCountry)) return undefined;
  const ie = t.importExport && Object.keys(t.importExport).length ? t.importExport : undefined;
  const dom = t.domestic && Object.keys(t.domestic).length ? t.domestic : undefined;
  if (route === 'cross-border' && ie) return { measure: ie, scope: 'import/export', cumulative: true };
  if (route === 'domestic' && dom)
    return { measure: dom, scope: 'domestic sales', cumulative: t.domesticCumulative !== false };
  if (route === 'unknown-origin') {
    // The origin is not stated: the lower threshold is applied and the evidence says so.
    if (dom && ie && lowerMeasure(dom, ie) === dom)
      return {
        measure: dom,
        scope: 'domestic sales',
        cumulative: t.domesticCumulative !== false,
        note: 'origin not stated: the lower (domestic) threshold applied',
      };
    if (ie) return { measure: ie, scope: 'import/export', cumulative: true, note: 'origin not stated' };
    if (dom)
      return {
        measure: dom,
        scope: 'domestic sales',
        cumulative: t.domesticCumulative !== false,
        note: 'origin not stated',
      };
  }
  return undefined;
}

function lowerMeasure(a: ThresholdMeasure, b: ThresholdMeasure): ThresholdMeasure {
  return (a.kg ?? Number.POSITIVE_INFINITY) <= (b.kg ?? Number.POSITIVE_INFINITY) ? a : b;
}

/** The threshold in the line's own dimension (kg or litres), or undefined when it has none. */
export function thresholdIn(measure: ThresholdMeasure, dimension: Quantity['dimension']): number | undefined {
  if (dimension === 'mass') return measure.kg;
  if (dimension === 'volume') {
    if (measure.l !== undefined) return measure.l;
    if (measure.gal !== undefined) return measure.gal * LITRES_PER_US_GALLON;
  }
  return undefined;
}

/** `4 kg`, `500 gallons or 1,500 kg`. */
export function formatMeasure(m: ThresholdMeasure): string {
  const parts: string[] = [];
  if (m.gal !== undefined) parts.push(`${m.gal.toLocaleString('en-US')} US gallons`);
  if (m.l !== undefined) parts.push(`${m.l.toLocaleString('en-US')} l`);
  if (m.kg !== undefined) parts.push(formatQuantity({ dimension: 'mass', value: m.kg }));
  return parts.join(' or ');
}

/** The quantity of the listed chemical on the line (the stated share of a mixture). */
export function listedQuantity(line: OrderLine, fraction: number): Quantity {
  return { dimension: line.quantity.dimension, value: line.quantity.value * fraction };
}
