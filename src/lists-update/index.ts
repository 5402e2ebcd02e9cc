/** Online list update, the public face: official sources, overrides, and the update run itself. */
export { type DownloadOutcome, type DownloadRequest, downloadConditionally } from './conditional-download.js';
export { implausibleDownload } from './downloaded-file-check.js';
export type { HttpValidatorStore, HttpValidators } from '../core/index.js';
export { ListDownloadError } from './list-download-error.js';
export { resolveListSources, type SourceOverrides } from './list-source-config.js';
export {
  type ListSourceFile,
  type ListSourceSpec,
  officialListSources,
  ofacExportsUrl,
  unConsolidatedXmlUrl,
} from './official-list-sources.js';
export {
  type FileFetch,
  type ListUpdateResult,
  type ReadList,
  type UpdateDependencies,
  type UpdateOptions,
  updateLists,
} from './update-lists.js';
