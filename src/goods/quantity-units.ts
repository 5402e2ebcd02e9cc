/**
 * Quantities on order lines, converted to the measures thresholds are published in: mass in kg,
 * volume in litres (US gallons converted), pieces. A volume is never turned into a mass: without a
 * known density that would be a guess, so the rules raise a review instead.
 */

export type Dimension = 'mass' | 'volume' | 'count';

interface UnitFactor {
  dimension: Dimension;
  /** Multiplier to kg (mass), litres (volume) or pieces. */
  factor: number;
}

export const LITRES_PER_US_GALLON = 3.785411784;

const units: Record<string, UnitFactor> = {
  mg: { dimension: 'mass', factor: 1e-6 },
  g: { dimension: 'mass', factor: 1e-3 },
  gr: { dimension: 'mass', factor: 1e-3 },
  gram: { dimension: 'mass', factor: 1e-3 },
  grams: { dimension: 'mass', factor: 1e-3 },
  kg: { dimension: 'mass', factor: 1 },
  kgs: { dimension: 'mass', factor: 1 },
  kilogram: { dimension: 'mass', factor: 1 },
  kilograms: { dimension: 'mass', factor: 1 },
  t: { dimension: 'mass', factor: 1000 },
  mt: { dimension: 'mass', factor: 1000 },
  tonne: { dimension: 'mass', factor: 1000 },
  tonnes: { dimension: 'mass', factor: 1000 },
  lb: { dimension: 'mass', factor: 0.45359237 },
  lbs: { dimension: 'mass', factor: 0.45359237 },
  ml: { dimension: 'volume', factor: 1e-3 },
  l: { dimension: 'volume', factor: 1 },
  lt: { dimension: 'volume', factor: 1 },
  litre: { dimension: 'volume', factor: 1 },
  litres: { dimension: 'volume', factor: 1 },
  liter: { dimension: 'volume', factor: 1 },
  liters: { dimension: 'volume', factor: 1 },
  gal: { dimension: 'volume', factor: LITRES_PER_US_GALLON },
  usgal: { dimension: 'volume', factor: LITRES_PER_US_GALLON },
  gallon: { dimension: 'volume', factor: LITRES_PER_US_GALLON },
  gallons: { dimension: 'volume', factor: LITRES_PER_US_GALLON },
  pcs: { dimension: 'count', factor: 1 },
  pc: { dimension: 'count', factor: 1 },
  pce: { dimension: 'count', factor: 1 },
  piece: { dimension: 'count', factor: 1 },
  pieces: { dimension: 'count', factor: 1 },
  unit: { dimension: 'count', factor: 1 },
  units: { dimension: 'count', factor: 1 },
  ea: { dimension: 'count', factor: 1 },
};

/** The unit spellings accepted, for error messages. */
export const acceptedUnits = 'mg, g, kg, t, lb, ml, l, gal (US), pcs';

export interface Quantity {
  dimension: Dimension;
  /** kg for mass, litres for volume, pieces for count. */
  value: number;
}

/** Unit key: lower case, no dots or spaces (`US gal` → `usgal`, `Kg.` → `kg`). */
function unitKey(unit: string): string {
  return unit.trim().toLowerCase().replace(/[.\s]/g, '');
}

/**
 * @example
 * toQuantity(250, 'US gal'); // { dimension: 'volume', value: 946.35… }
 * toQuantity(3, 'lb');       // { dimension: 'mass', value: 1.3607… }
 * toQuantity(1, 'bbl');      // undefined: unknown unit
 */
export function toQuantity(amount: number, unit: string): Quantity | undefined {
  const u = units[unitKey(unit)];
  if (!u) return undefined;
  return { dimension: u.dimension, value: amount * u.factor };
}

/** A readable amount in its own dimension: `1,023 kg`, `946.4 l`, `12 pcs`. */
export function formatQuantity(q: Quantity): string {
  const unit = q.dimension === 'mass' ? 'kg' : q.dimension === 'volume' ? 'l' : 'pcs';
  const digits = q.value >= 100 ? 0 : q.value >= 1 ? 2 : 4;
  return `${q.value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`;
}
