/**
 * Application services, the public face: one use case per file, each a plain async function (or a
 * small class) that takes the stores and options and returns results — no printing, no argv, no
 * HTTP. The CLI, the HTTP API and queue workers are doors onto these; none re-implements them.
 */
export { ServiceError, type ServiceErrorCode, serviceErrorCodes } from './service-error.js';
// Screening
export { type LoadedLists, loadScreeningLists, screeningVersions } from './screening-lists.js';
export { type LoadedScreener, ScreenerCache } from './screener-cache.js';
export { screenParty, type ScreenPartyOptions, type ScreenPartyResult } from './screen-party.js';
export {
  type BatchSummary,
  screenFile,
  type ScreenFileOptions,
  type ScreenFileResult,
} from './screen-file.js';
export {
  type BatchRow,
  readBatchFile,
  readBatchInput,
  type BatchInput,
  requiredColumns,
} from './party-batch-file.js';
export { type MatchRecord, matchRecord } from './screening-match-record.js';
export { highSeverityScore, screeningAlerts, screeningRuleName } from './screening-alerts.js';
export { listReviews, recordReview, type ReviewDecision } from './screening-reviews.js';
export { type ComparePairsOptions, comparePairsFile, type CompareSummary } from './compare-name-pairs.js';
// Lists
export { importPublication, readPublication, type ReadPublicationOptions } from './import-list.js';
export { resolveUpdateSources, updateListsFromSources, type UpdateListsOptions } from './update-lists.js';
export {
  countBy,
  diffVersions,
  listVersions,
  resolveVersionRef,
  showEntity,
  summarizeVersion,
  twoNewestVersions,
  type VersionDiff,
  versionLabel,
  type VersionSummary,
} from './list-versions.js';
// Targeting
export { type PartyScreeningHook, partyScreeningHook } from './party-screening-hook.js';
export {
  type ScoreDeclarationsOptions,
  type ScoredDeclarations,
  scoreDeclarations,
} from './score-declarations.js';
export { targetingAlerts, targetingRuleName } from './targeting-alerts.js';
// Early warning
export {
  type EarlyWarningRun,
  type EarlyWarningRunOptions,
  runEarlyWarningOnReports,
} from './run-early-warning.js';
export { catalogChemicalResolver, type IncidentReading, readIncidentReports } from './incident-reports.js';
// Ledger reconciliation
export {
  type LedgerCounts,
  type ReconcileLedgersRequest,
  type ReconcileLedgersResponse,
  type ReconcileProgress,
  reconcileLedgerFiles,
} from './reconcile-ledgers.js';
export { loadControlledItems } from './reconcile-controlled-items.js';
// The quick start
export { type DemoCustomerAlert, type DemoRun, runDemo } from './run-demo.js';
// Access control: users, API tokens, sessions (who is asking: Principal)
export { allowed, auditActor, authorize, localPrincipal, type Principal } from './principal.js';
export {
  addUser,
  changePassword,
  disableUser,
  enableUser,
  ensureFirstAdmin,
  type FirstAdmin,
  listUsers,
  type NewUserInput,
  type PublicUser,
  publicUser,
  resetPassword,
  userName,
} from './users.js';
export {
  authenticateToken,
  createToken,
  listTokens,
  type NewTokenInput,
  revokeToken,
  type TokenInfo,
} from './tokens.js';
export {
  type ActiveSession,
  authenticateSession,
  csrfTokenMatches,
  type SignedIn,
  type SignInInput,
  signIn,
  signOut,
} from './sessions.js';
// Cases (four-eyes) and alert assignment
export {
  assignCase,
  attachEvidence,
  type CaseDetail,
  changeCaseStatus,
  commentOnCase,
  createCase,
  type EvidenceInput,
  evidenceFile,
  getCase,
  linkRelatedAlerts,
  listCases,
  maxAlertsPerCase,
  type NewCaseInput,
} from './cases.js';
export {
  approveCase,
  type DispositionResult,
  disposeCase,
  reopenCase,
  returnCase,
} from './case-dispositions.js';
export { samePartyByName } from './cases-same-party.js';
export { assignAlerts } from './alerts-assign.js';
// The audit trail
export { checkpointAudit, defaultCheckpointInterval, installationKey, recordAudit } from './audit-record.js';
export { type AuditVerifyResult, verifyAudit } from './audit-verify.js';
export { type AuditExportResult, exportAudit, exportFiles, verifyAuditExport } from './audit-export.js';
