/** The API's response shapes the workbench reads (see /openapi.json for the whole contract). */

export interface SessionInfo {
  user: { name: string; role: string };
  via: 'session' | 'token';
  csrfToken?: string;
  mustChangePassword?: boolean;
  lists?: { list: string; version: string }[];
}

export interface FeatureLine {
  feature: string;
  value: number;
  weight: number;
  detail: string;
}

export interface ScreeningMatch {
  entityId: string;
  list: string;
  listVersion: string;
  name: string;
  matchedAlias: string;
  score: number;
  match: boolean;
  explanation: FeatureLine[];
  algorithm: string;
  alertId?: string;
}

export interface ClearedMatch {
  list: string;
  entityId: string;
  analyst: string;
  reason: string;
  reviewedAt: string;
}

export interface ScreenResponse {
  party: { id: string; name: string };
  match: boolean;
  matches: ScreeningMatch[];
  cleared: ClearedMatch[];
  lists: { list: string; version: string }[];
  threshold: number;
  algorithm: string;
}

export type AlertStatus = 'open' | 'in-review' | 'escalated' | 'closed';
export type Disposition = 'true-match' | 'false-positive' | 'not-relevant';

export interface AlertRecord {
  id: string;
  kind: string;
  subject: string;
  rule: { name: string; version: string };
  score: number;
  severity?: 'low' | 'medium' | 'high';
  evidence: { summary: string; data: Record<string, unknown> };
  sources: { name: string; version?: string; sha256?: string }[];
  parties?: string[];
  createdAt: string;
  status: AlertStatus;
  assignee?: string;
  caseId?: string;
  disposition?: Disposition;
}

export interface AlertPage {
  alerts: AlertRecord[];
  nextCursor?: string;
}

export interface CaseRecord {
  id: string;
  title: string;
  status: AlertStatus;
  alertIds: string[];
  assignee?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  disposition?: { kind: Disposition; reason: string; by: string; at: string };
  approval?: { by: string; at: string };
  version: number;
}

export interface CaseDetail {
  case: CaseRecord;
  comments: { id: string; author: string; text: string; at: string }[];
  evidence: {
    id: string;
    fileName: string;
    mediaType: string;
    bytes: number;
    sha256: string;
    addedBy: string;
    addedAt: string;
  }[];
}

export interface ListVersion {
  id: number;
  list: string;
  format: string;
  importedAt: string;
  publishedAt?: string;
  entityCount: number;
  contentHash: string;
}

export interface ListDiff {
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: { id: string; schema: string; name: string }[];
  removed: { id: string; schema: string; name: string }[];
  changed: { id: string; name: string; fields: { field: string; added: string[]; removed: string[] }[] }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  hash?: string;
}
