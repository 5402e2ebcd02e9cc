/** List versioning, the public face: diff two versions, apply a partial update, fingerprint content. */
export { canonicalJson } from './canonical-json.js';
export { compareIds, contentHash } from './content-hash.js';
export {
  diffEntities,
  fieldChanges,
  type EntityChange,
  type EntityRef,
  type FieldChange,
  type ListDiff,
} from './entity-diff.js';
export { compareFields, diffFieldOrder, entityFieldValues } from './entity-field-values.js';
export { importListVersion, type ImportOptions, type ImportOutcome } from './import-list-version.js';
export { applyPartialUpdate, type PartialUpdateResult } from './partial-update.js';
