/** The screening name index: candidate generation by rare tokens, typos, phonetics and identifiers. */
export {
  type Candidates,
  type CandidateOptions,
  type IndexableName,
  NameIndex,
} from './name-index.js';
export { NameIndexBuilder } from './name-index-builder.js';
export { identifierKey } from './identifier-key.js';
export { singleDeletions } from './deletion-neighbourhood.js';
