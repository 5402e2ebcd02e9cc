/** Shipment targeting: rank customs declarations and truck crossings for inspection, with reasons. */
export * from './declaration.js';
export * from './evaluation.js';
export * from './inspection-ranker.js';
export * from './targeting-model.js';
export * from './targeting-scorer.js';
export * from './training-recipe.js';
export { featureNames, defaultFeatureOptions, type FeatureOptions } from './features/declaration-features.js';
export { DeclarationHistory } from './features/declaration-history.js';
export { valueKeyNames, partyKeyNames } from './features/history-keys.js';
export { timeOrderedFeatures, historyFeatures } from './features/time-ordered-features.js';
export { CompiledForest } from './gbdt/compiled-forest.js';
export { trainBooster, type BoosterModel, type BoosterParams } from './gbdt/gradient-booster.js';
export { IndicatorEngine, type FiredRule } from './indicators/indicator-engine.js';
export { parseIndicatorWeights, type IndicatorWeightSet } from './indicators/indicator-weights.js';
export type { TargetingHooks, HookVerdict, PartyRole } from './indicators/targeting-hooks.js';
export { readDeclarations } from './readers/declaration-file.js';
export { readKcsDeclarations } from './readers/kcs-declaration-reader.js';
export { readCrossingManifest } from './readers/crossing-manifest-reader.js';
