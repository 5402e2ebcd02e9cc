/**
 * A case: the unit of an analyst's work on one party, holding one or more alerts (from any engine)
 * until it is closed with a disposition. The rules that move a case are in `src/cases/`.
 */

export const caseStatuses = ['open', 'in-review', 'escalated', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const dispositionKinds = ['true-match', 'false-positive', 'not-relevant'] as const;
export type DispositionKind = (typeof dispositionKinds)[number];

/** An analyst's decision on a case and why; for a true match it waits for a supervisor's approval. */
export interface CaseDisposition {
  kind: DispositionKind;
  reason: string;
  by: string;
  at: string;
}

/** The second person's sign-off on a true-match disposition (four-eyes). */
export interface CaseApproval {
  by: string;
  at: string;
}

export interface Case {
  id: string;
  title: string;
  status: CaseStatus;
  /** The alerts worked in this case, oldest link first. */
  alertIds: string[];
  assignee?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  disposition?: CaseDisposition;
  approval?: CaseApproval;
  /** Bumped on every change; a store refuses an update made from a stale copy. */
  version: number;
}

export interface CaseComment {
  id: string;
  caseId: string;
  author: string;
  text: string;
  at: string;
}

/** A file attached to a case; the content is stored separately and identified by its hash. */
export interface CaseEvidence {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}
