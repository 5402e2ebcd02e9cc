/** The screening name index: candidate generation by rare tokens, typos, phonetics and identifiers. */
export {
  type Candidates,
  type CandidateOptions,
  type IndexableName,
  NameIndex,
  NameIndexBuilder,
} from './name-index.js';
export { identifierKey } from './identifier-key.js';
export { singleDeletions } from './deletion-neighbourhood.js';
