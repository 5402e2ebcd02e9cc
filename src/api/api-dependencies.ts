/**
 * What the HTTP door needs from the rest of Sentinela, as one object handed to `createApiApp`:
 * the services of each area (screening, lists, alerts, cases, auth, audit) and the readiness of
 * the screening index. `serve` builds it from `openStores()` and the services; the API never
 * opens a store or builds a screener itself.
 */
import type { Entity, ListVersion, PartyQuery, ScreeningMatch } from '../core/index.js';
import type { ListDiff } from '../list-versions/index.js';
import type { InspectionList } from '../services/inspection-list.js';
import type { z } from '@hono/zod-openapi';
import type { CredentialCheck } from './api-authentication.js';
import type { ApiPrincipal } from './api-env.js';
import type { AlertQuerySchema, AlertRecordSchema } from './schemas/alert-schemas.js';
import type { AuditEntrySchema, AuditVerificationSchema } from './schemas/audit-schemas.js';
import type {
  CaseCommentSchema,
  CaseDetailSchema,
  CaseEvidenceSchema,
  CaseListQuerySchema,
  CaseSchema,
  DispositionResultSchema,
} from './schemas/case-schemas.js';
import type { PermissionCheck } from './api-access.js';

/** Whether the server can screen yet, and against what. */
export interface ApiReadiness {
  /** `starting`: lists not loaded yet; `building`: index being built; `no-lists`: nothing to screen against. */
  state: 'starting' | 'building' | 'ready' | 'no-lists' | 'failed';
  lists: Array<{ list: string; version: string; entities: number }>;
  /** A short reason for `failed` or `no-lists`, safe to show. */
  detail?: string;
}

export interface ScreeningRequestOptions {
  threshold?: number;
  /** Results below this are not returned; defaults to the threshold. */
  minScore?: number;
  limit?: number;
  /** Only these lists (names); all loaded lists when absent. */
  lists?: readonly string[];
  /** Store the matches as alerts (the screening services' alert shape). */
  recordAlerts?: boolean;
}

export interface ScreeningOutcome {
  /** One result list per query, in query order. */
  results: ScreeningMatch[][];
  /** Per query: reviewed false positives that left a listed entity out of its results. */
  cleared: Array<
    Array<{ list: string; entityId: string; analyst: string; reason: string; reviewedAt: string }>
  >;
  lists: Array<{ list: string; version: string }>;
  threshold: number;
  algorithm: string;
  /** With `recordAlerts`: alerts stored and already stored. */
  alerts?: { inserted: number; unchanged: number };
  /** With `recordAlerts`: per query, each match's alert id in match order. */
  alertIds?: (string | undefined)[][];
}

/** Screening against the current list versions (the services' screener cache). */
export interface ApiScreening {
  /** Throws `ApiProblem(503)` while the index is being built, `ApiProblem(404)` for an unknown list. */
  screen(queries: readonly PartyQuery[], options: ScreeningRequestOptions): Promise<ScreeningOutcome>;
  /** The listed entity behind a match, for responses that show its properties (yente). */
  entity(list: string, version: string, entityId: string): Promise<Entity | undefined>;
  /** The names of the loaded lists (for yente's `dataset`). */
  listNames(): readonly string[];
}

/** List versions as stored (the services' list queries). */
export interface ApiLists {
  /** Versions oldest first, of one list or all. */
  versions(list?: string): Promise<ListVersion[]>;
  version(id: number): Promise<ListVersion | undefined>;
  /** One page of a version's entities in id order, after the entity id `after`. */
  entities(
    versionId: number,
    page: { after?: string; limit: number },
  ): Promise<{ entities: Entity[]; next?: string }>;
  entity(versionId: number, entityId: string): Promise<Entity | undefined>;
  diff(fromVersionId: number, toVersionId: number): Promise<ListDiff>;
}

export type AlertQuery = z.infer<typeof AlertQuerySchema>;
export type AlertRecordJson = z.infer<typeof AlertRecordSchema>;

/** The one alert queue (the services' AlertStore). */
export interface ApiAlerts {
  /** Throws `InputError` (field `cursor`) for a cursor from another filter or sort. */
  list(query: AlertQuery): Promise<{ alerts: AlertRecordJson[]; nextCursor?: string }>;
  get(id: string): Promise<AlertRecordJson | undefined>;
}

export interface SignedIn {
  sessionId: string;
  csrfToken: string;
  /** ISO time the session ends. */
  expiresAt: string;
  principal: ApiPrincipal;
}

/** Sign-in and sign-out (the auth services: password check, per-user rate limit, audit). */
export interface ApiSessions {
  /** Throws `ApiProblem(401)` for a wrong name or password, `ApiProblem(429)` when rate-limited. */
  signIn(input: { username: string; password: string; client: string }): Promise<SignedIn>;
  signOut(principal: ApiPrincipal): Promise<void>;
  /**
   * Sets the caller's new password (ends their other sessions). The current password is needed
   * unless the caller signed in with a one-time password.
   */
  changePassword(principal: ApiPrincipal, newPassword: string, currentPassword?: string): Promise<void>;
}

export type CaseJson = z.infer<typeof CaseSchema>;
export type CaseDetailJson = z.infer<typeof CaseDetailSchema>;
export type CaseCommentJson = z.infer<typeof CaseCommentSchema>;
export type CaseEvidenceJson = z.infer<typeof CaseEvidenceSchema>;
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
export type DispositionResultJson = z.infer<typeof DispositionResultSchema>;

/**
 * Case work (the cases services): every call is made as the caller, checks the permission matrix
 * and the case rules (four-eyes), records the change in the audit trail, and refuses with a
 * ServiceError (403, 404, 409). `expectedVersion` makes a change conditional on the case version.
 */
export interface ApiCases {
  list(actor: ApiPrincipal, query: CaseListQuery): Promise<{ cases: CaseJson[]; nextCursor?: string }>;
  get(actor: ApiPrincipal, id: string): Promise<CaseDetailJson>;
  create(
    actor: ApiPrincipal,
    input: { alertIds: string[]; title: string; assignee?: string; linkSameParty: boolean },
  ): Promise<CaseJson>;
  assign(
    actor: ApiPrincipal,
    id: string,
    assignee: string | null,
    expectedVersion?: number,
  ): Promise<CaseJson>;
  comment(actor: ApiPrincipal, id: string, text: string): Promise<CaseCommentJson>;
  attachEvidence(
    actor: ApiPrincipal,
    id: string,
    file: { fileName: string; mediaType: string; content: Uint8Array },
  ): Promise<CaseEvidenceJson>;
  /** The file, or undefined when it does not belong to that case. */
  evidenceFile(
    actor: ApiPrincipal,
    id: string,
    evidenceId: string,
  ): Promise<{ evidence: CaseEvidenceJson; content: Uint8Array } | undefined>;
  changeStatus(
    actor: ApiPrincipal,
    id: string,
    status: 'open' | 'in-review' | 'escalated',
    expectedVersion?: number,
  ): Promise<CaseJson>;
  dispose(
    actor: ApiPrincipal,
    id: string,
    input: {
      disposition: 'true-match' | 'false-positive' | 'not-relevant';
      reason: string;
      expectedVersion?: number;
    },
  ): Promise<DispositionResultJson>;
  approve(actor: ApiPrincipal, id: string, expectedVersion?: number): Promise<CaseJson>;
  returnForWork(actor: ApiPrincipal, id: string, reason: string, expectedVersion?: number): Promise<CaseJson>;
  reopen(actor: ApiPrincipal, id: string, reason: string, expectedVersion?: number): Promise<CaseJson>;
}

export type AuditEntryJson = z.infer<typeof AuditEntrySchema>;
export type AuditVerificationJson = z.infer<typeof AuditVerificationSchema>;

/** The audit trail as a signed-in person reads it (the audit services; each call checks the matrix). */
export interface ApiAudit {
  list(
    actor: ApiPrincipal,
    query: { actor?: string; action?: string; target?: string; beforeSeq?: number; limit: number },
  ): Promise<AuditEntryJson[]>;
  verify(actor: ApiPrincipal): Promise<AuditVerificationJson>;
  /** Oldest first; ServiceError not-found for an unknown case. */
  caseTimeline(actor: ApiPrincipal, caseId: string): Promise<AuditEntryJson[]>;
}

export interface ApiDependencies {
  readiness(): ApiReadiness;
  credentials: CredentialCheck;
  allows: PermissionCheck;
  screening: ApiScreening;
  lists: ApiLists;
  alerts: ApiAlerts;
  sessions: ApiSessions;
  /** Case work; its routes are registered only when given. */
  cases?: ApiCases;
  /** The audit trail; its routes are registered only when given. */
  audit?: ApiAudit;
  /** Bulk assignment of alerts not in a case (the alert services). */
  assignAlerts?: (
    actor: ApiPrincipal,
    alertIds: string[],
    assignee: string | null,
  ) => Promise<{ changed: number }>;
  /** The day's inspection list from the targeting alerts; its route is registered only when given. */
  inspections?: (query: { port?: string; day?: string }) => Promise<InspectionList>;
}
