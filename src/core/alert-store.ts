/**
 * The one alert queue: alerts from every engine, with the workflow an analyst works them through
 * (status, assignee, case, disposition). Asynchronous so the embedded SQLite file and a server
 * database implement the same contract; every implementation passes `store/alert-store.case.ts`.
 */
import type { Alert, AlertKind, AlertSeverity } from './alert.js';

export const alertStatuses = ['open', 'in-review', 'escalated', 'closed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const alertDispositions = ['true-match', 'false-positive', 'not-relevant'] as const;
export type AlertDisposition = (typeof alertDispositions)[number];

/** Where an alert stands in its analyst's work; every new alert starts `open` and unassigned. */
export interface AlertWorkflow {
  status: AlertStatus;
  assignee?: string;
  caseId?: string;
  disposition?: AlertDisposition;
  /** When the workflow last changed (ISO time); absent while untouched since the alert was raised. */
  updatedAt?: string;
}

/** A stored alert: the engine's alert as raised, plus its workflow. */
export type AlertRecord = Alert & AlertWorkflow;

/**
 * Orders the queue can be read in. Each is a keyset order with the alert id as tie-breaker, so
 * paging stays fast and stable however many alerts are stored.
 */
export const alertSorts = ['newest', 'oldest', 'score'] as const;
export type AlertSort = (typeof alertSorts)[number];

/** Which alerts to read; every field given narrows the result (AND). */
export interface AlertFilter {
  kind?: AlertKind;
  /** Rule, detector or model name (`rule.name`). */
  rule?: string;
  severity?: AlertSeverity;
  status?: AlertStatus;
  subject?: string;
  assignee?: string;
  caseId?: string;
  /** ISO timestamps, inclusive, compared with `createdAt`. */
  createdFrom?: string;
  createdTo?: string;
  /**
   * A list version `us-ofac-sdn@3` (alerts with that source), or a list name `us-ofac-sdn`
   * (alerts from any version of it); matched against the alert's `sources` that carry a version.
   */
  listVersion?: string;
}

export interface AlertPage {
  /** `newest` (default: createdAt, then id, descending), `oldest`, or `score` (highest first). */
  sort?: AlertSort;
  /** At most this many alerts (default 100, at most 1000). */
  limit?: number;
  /** The `nextCursor` of the previous page, read with the same filter and sort. */
  cursor?: string;
}

export interface AlertWorkflowChange {
  status?: AlertStatus;
  /** A name sets it; `null` clears it. */
  assignee?: string | null;
  caseId?: string | null;
  disposition?: AlertDisposition | null;
}

/** Default and largest page sizes of `AlertStore.list`. */
export const defaultAlertPageSize = 100;
export const maxAlertPageSize = 1000;

/**
 * @example
 * await stores.alerts.append(alerts);                          // { inserted: 2, unchanged: 0 }
 * const page = await stores.alerts.list({ kind: 'screening', status: 'open', limit: 50 });
 * const next = await stores.alerts.list({ kind: 'screening', status: 'open', limit: 50, cursor: page.nextCursor });
 * await stores.alerts.setWorkflow([page.alerts[0].id], { status: 'in-review', assignee: 'ana' });
 */
export interface AlertStore {
  /**
   * Validates and stores the alerts in one transaction (all or none). Idempotent on `id`: an alert
   * already stored is left as it was, workflow included, and counted as `unchanged`.
   */
  append(alerts: readonly Alert[]): Promise<{ inserted: number; unchanged: number }>;
  get(id: string): Promise<AlertRecord | undefined>;
  /**
   * One page of alerts matching `filter`, in `sort` order; `nextCursor` is set when more follow.
   * A cursor that was not produced by this store for the same sort is rejected (InputError, field `cursor`).
   */
  list(filter?: AlertFilter & AlertPage): Promise<{ alerts: AlertRecord[]; nextCursor?: string }>;
  count(filter?: AlertFilter): Promise<number>;
  /** Applies the change to every listed alert that exists; returns how many were changed. */
  setWorkflow(ids: readonly string[], change: AlertWorkflowChange): Promise<number>;
}
