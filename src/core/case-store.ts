/**
 * Cases with their comments and evidence files. Updates carry the case's version, so two analysts
 * working the same case cannot silently overwrite each other's change.
 */
import type { Case, CaseComment, CaseEvidence, CaseStatus } from './case.js';

export interface CaseFilter {
  status?: CaseStatus;
  assignee?: string;
  /** Only cases whose true-match disposition waits for a supervisor. */
  awaitingApproval?: boolean;
}

export interface CasePage {
  /** Default 100, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page, read with the same filter. */
  cursor?: string;
}

/**
 * @example
 * await stores.cases.create(openCase({ id, title, alertIds, createdBy: 'ana', at }));
 * const ok = await stores.cases.update(changeCaseStatus(c, 'in-review', actor, at)); // false if stale
 */
export interface CaseStore {
  create(c: Case): Promise<void>;
  get(id: string): Promise<Case | undefined>;
  /** Stores `c` when the stored case is at `c.version - 1`; false (nothing written) otherwise. */
  update(c: Case): Promise<boolean>;
  /** Newest first (createdAt, then id). */
  list(filter?: CaseFilter & CasePage): Promise<{ cases: Case[]; nextCursor?: string }>;
  addComment(comment: CaseComment): Promise<void>;
  /** Oldest first. */
  comments(caseId: string): Promise<CaseComment[]>;
  addEvidence(meta: CaseEvidence, content: Uint8Array): Promise<void>;
  /** Oldest first. */
  evidence(caseId: string): Promise<CaseEvidence[]>;
  evidenceContent(evidenceId: string): Promise<{ meta: CaseEvidence; content: Uint8Array } | undefined>;
}
