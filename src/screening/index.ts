/**
 * Name screening, the public face: the matcher (normalise, prepare, score), the name index, the
 * screener over list versions, parallel batch screening, and reviewed-false-positive keys.
 */
export * from './matching/index.js';
export {
  type Candidates,
  type CandidateOptions,
  type IndexableName,
  NameIndex,
  NameIndexBuilder,
} from './index/index.js';
export {
  createScreener,
  SCREENER_VERSION,
  type Screener,
  type ScreenerOptions,
  type ScreenerParts,
  type ScreeningList,
  type ScreenOptions,
} from './screener.js';
export {
  type CachedScreener,
  openOrBuildScreener,
  openScreenerSnapshot,
  type SnapshotBytes,
  type SnapshotListVersion,
  screenerSnapshotKey,
  snapshotFolder,
  writeScreenerSnapshot,
} from './screener-snapshot.js';
export { withAllRecords } from './screener-snapshot-file.js';
export {
  type ChangedEntity,
  type CustomerMatch,
  CustomerIndexBuilder,
  customersNearEntities,
  openCustomerIndex,
  screenCustomersAgainst,
  writeCustomerIndex,
} from './customer-name-index.js';
export {
  type BatchPoolOptions,
  type BatchScreenOptions,
  BatchScreeningPool,
} from './batch-screening-pool.js';
export type { BatchRowResult } from './batch-screening-messages.js';
export { ScreenedRowCache, screenRows } from './batch-screening-rows.js';
export { entityContentHash, reviewNormalisedName, reviewQueryKey } from './screener-review-keys.js';
