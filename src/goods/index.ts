/**
 * Controlled-goods screening, the public face: the catalog schema, identifier readers (CAS, HS,
 * units), the line reader, and the engine that raises the goods rules' alerts with their evidence.
 */
export * from './catalog-schema.js';
export { CatalogIndex, listLabels, verificationOf } from './catalog-index.js';
export { readCas, casCheckDigit, type CasReading } from './cas-number.js';
export { readHs, type HsReading } from './hs-code.js';
export {
  toQuantity,
  formatQuantity,
  acceptedUnits,
  LITRES_PER_US_GALLON,
  type Quantity,
} from './quantity-units.js';
export { readDescription, type DescriptionReading } from './description-text.js';
export { readOrderLine, requiredColumns, type OrderLine } from './order-line.js';
export { readLine, type LineReading, type Identification } from './line-identification.js';
export {
  goodsRules,
  GOODS_RULES_VERSION,
  makeGoodsAlert,
  toStoredAlert,
  type GoodsAlert,
  type GoodsRule,
} from './goods-alert.js';
export { GoodsScreening, screenOrderLines, type GoodsScreeningOptions } from './goods-screening.js';
export type { PartyCheck, WatchlistHit } from './rules/party-risk.js';
export type { Refusal } from './rules/company-shopping.js';
export { BuyerGroups } from './buyer-groups.js';
export { diffGoodsCatalogs, type CatalogDiff, type CatalogItemChange } from './catalog-diff.js';
export { resolveChemical, type ChemicalResolution } from './chemical-resolution.js';
