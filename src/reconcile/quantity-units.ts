/**
 * Units a ledger may state quantities in, each with its dimension and factor to the dimension's
 * base (kg, litre, item), so "1,200 kg" and "1,200,000 g" compare as the same quantity. Factors as
 * in the UN Comtrade quantity-unit table (../shared/data/trade/misinvoicing-reference/
 * qty_unit_conversion.csv) and the SI; a unit not listed is a row error, never guessed.
 */
export type UnitDimension = 'mass' | 'volume' | 'count';

export interface QuantityUnit {
  dimension: UnitDimension;
  /** Multiply a quantity in this unit by `factor` to get kilograms, litres or items. */
  factor: number;
}

const units: Record<string, QuantityUnit> = {};
function define(dimension: UnitDimension, factor: number, names: string[]): void {
  for (const n of names) units[n] = { dimension, factor };
}
define('mass', 1, ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kgm']);
define('mass', 0.001, ['g', 'gr', 'grs', 'gram', 'grams', 'grm']);
define('mass', 1e-6, ['mg', 'milligram', 'milligrams']);
define('mass', 1000, ['t', 'mt', 'tonne', 'tonnes', 'metric ton', 'metric tons', '1000 kg', 'tne']);
define('mass', 0.45359237, ['lb', 'lbs', 'pound', 'pounds']);
define('mass', 0.028349523125, ['oz', 'ounce', 'ounces']);
define('volume', 1, ['l', 'lt', 'ltr', 'litre', 'litres', 'liter', 'liters']);
define('volume', 0.001, ['ml', 'millilitre', 'milliliter', 'millilitres', 'milliliters']);
define('volume', 1000, ['m3', 'm³', 'cubic metre', 'cubic meter', '1000 l', 'kl']);
define('volume', 3.785411784, ['gal', 'gallon', 'gallons', 'us gal']);
define('count', 1, [
  'u',
  'unit',
  'units',
  'pc',
  'pcs',
  'piece',
  'pieces',
  'nos',
  'no',
  'nmb',
  'number',
  'ea',
  'each',
  'item',
  'items',
  'c62',
  'h87',
]);
define('count', 2, ['pair', 'pairs', 'pr', '2u']);
define('count', 12, ['dozen', 'dz', 'doz', '12u']);
define('count', 1000, ['1000u', 'thousand', 'mil']);

/**
 * The unit of a ledger cell, case and spacing ignored; undefined when unknown.
 *
 * @example quantityUnit('KG') // { dimension: 'mass', factor: 1 }
 * @example quantityUnit('g')  // { dimension: 'mass', factor: 0.001 }
 */
export function quantityUnit(cell: string): QuantityUnit | undefined {
  const key = cell.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  return Object.hasOwn(units, key) ? units[key] : undefined;
}

/** The base unit a dimension's quantities are compared in. */
export const BASE_UNIT: Record<UnitDimension, string> = { mass: 'kg', volume: 'l', count: 'units' };
