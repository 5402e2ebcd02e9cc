/** Case management, the public face: the case workflow with four-eyes approval, same-party grouping, comments and evidence. */
export { CaseRuleError, type CaseRuleCode } from './case-rule-error.js';
export {
  approveCase,
  assignCase,
  awaitingApproval,
  changeCaseStatus,
  disposeCase,
  linkAlertsToCase,
  maxReasonLength,
  openCase,
  reopenCase,
  returnCase,
  statusMoves,
  type CaseActor,
  type NewCase,
} from './case-workflow.js';
export { groupAlertsByParty, relatedAlerts, type SamePartyDecision } from './same-party.js';
export {
  defaultMaxEvidenceBytes,
  evidenceRecord,
  maxCommentLength,
  newComment,
  safeFileName,
  type NewEvidence,
} from './case-notes.js';
