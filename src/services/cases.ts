/**
 * Working cases: create one from alerts (alerts about the same party from any engine join it),
 * read and list them, assign, move through the statuses, comment, attach evidence. Every change
 * goes to the audit trail with the case before and after, and the alerts' workflow follows the case.
 * Dispositions and the four-eyes approval are in `case-dispositions.ts`.
 */
import { randomBytes } from 'node:crypto';
import {
  assignCase as assignRule,
  CaseRuleError,
  changeCaseStatus as changeStatusRule,
  evidenceRecord,
  linkAlertsToCase,
  newComment,
  openCase,
  relatedAlerts,
  type SamePartyDecision,
} from '../cases/index.js';
import {
  type AlertRecord,
  type Case,
  type CaseComment,
  type CaseEvidence,
  type CaseFilter,
  type CaseStatus,
  caseStatuses,
  type Stores,
} from '../core/index.js';
import { can } from '../auth/index.js';
import { recordAudit } from './audit-record.js';
import { auditActor, authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';

export type CaseStores = Pick<Stores, 'cases' | 'alerts' | 'audit' | 'users'>;

export const maxAlertsPerCase = 1000;

/** A case rule's refusal as the service error doors understand. */
export function caseRuleRefusal(error: unknown): never {
  if (error instanceof CaseRuleError) {
    const code =
      error.code === 'four-eyes' || error.code === 'not-supervisor'
        ? 'forbidden'
        : error.code === 'invalid'
          ? 'invalid'
          : error.code === 'too-large'
            ? 'too-large'
            : 'conflict';
    throw new ServiceError(code, error.message);
  }
  throw error;
}

/** Applies a case rule, turning its refusal into a ServiceError. */
export function applyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    return caseRuleRefusal(error);
  }
}

export async function loadCase(
  stores: Pick<Stores, 'cases'>,
  id: string,
  expectedVersion?: number,
): Promise<Case> {
  const c = await stores.cases.get(id);
  if (!c) throw new ServiceError('not-found', `no case ${id}`);
  if (expectedVersion !== undefined && expectedVersion !== c.version)
    throw new ServiceError(
      'conflict',
      `case ${id} is at version ${c.version}, not ${expectedVersion}: reload it`,
    );
  return c;
}

/** Stores the changed case, records before and after, and brings its alerts' workflow along. */
export async function saveCase(
  stores: CaseStores,
  actor: Principal,
  action: string,
  before: Case,
  after: Case,
  alertChange?: Parameters<Stores['alerts']['setWorkflow']>[1],
): Promise<Case> {
  if (after === before) return after;
  if (!(await stores.cases.update(after)))
    throw new ServiceError('conflict', `case ${after.id} was changed by someone else meanwhile: reload it`);
  if (alertChange) await stores.alerts.setWorkflow(after.alertIds, alertChange);
  await recordAudit(stores, { actor: auditActor(actor), action, target: `case:${after.id}`, before, after });
  return after;
}

/** The stored name of a user who may be given case work; assigning someone else needs a supervisor. */
export async function checkAssignee(
  stores: Pick<Stores, 'users'>,
  actor: Principal,
  assignee: string,
): Promise<string> {
  const name = assignee.trim().toLowerCase();
  if (name !== actor.name) authorize(actor, 'cases.assign-others');
  const user = await stores.users.get(name);
  if (!user || user.disabled)
    throw new ServiceError('not-found', `no enabled user named ${assignee}`, { field: 'assignee' });
  if (!can(user.role, 'cases.status'))
    throw new ServiceError('invalid', `${name} is a ${user.role} and cannot work cases`, {
      field: 'assignee',
    });
  return name;
}

export interface NewCaseInput {
  alertIds: readonly string[];
  title?: string;
  assignee?: string;
  /** When given, open alerts about the same party (not yet in a case) join the new case. */
  sameParty?: SamePartyDecision;
}

function defaultTitle(alerts: readonly AlertRecord[]): string {
  const party = alerts.find((a) => a.parties?.length)?.parties?.[0] ?? alerts[0]!.subject;
  const kinds = [...new Set(alerts.map((a) => a.kind))].join(', ');
  return `${party} — ${alerts.length} alert${alerts.length > 1 ? 's' : ''} (${kinds})`.slice(0, 300);
}

/**
 * @example
 * const c = await createCase(stores, ana, { alertIds: ['screening-3f2a…'], sameParty: await samePartyByName() });
 */
export async function createCase(stores: CaseStores, actor: Principal, input: NewCaseInput): Promise<Case> {
  authorize(actor, 'cases.create');
  const ids = [...new Set(input.alertIds)];
  if (ids.length === 0)
    throw new ServiceError('invalid', 'a case needs at least one alert', { field: 'alertIds' });
  if (ids.length > maxAlertsPerCase)
    throw new ServiceError('invalid', `a case holds at most ${maxAlertsPerCase} alerts`, {
      field: 'alertIds',
    });
  const alerts: AlertRecord[] = [];
  for (const id of ids) {
    const alert = await stores.alerts.get(id);
    if (!alert) throw new ServiceError('not-found', `no alert ${id}`, { field: 'alertIds' });
    if (alert.caseId) throw new ServiceError('conflict', `alert ${id} is already in case ${alert.caseId}`);
    alerts.push(alert);
  }
  const assignee = input.assignee ? await checkAssignee(stores, actor, input.assignee) : undefined;
  const at = new Date().toISOString();
  let c = applyRule(() =>
    openCase({
      id: `case-${randomBytes(6).toString('hex')}`,
      title: input.title ?? defaultTitle(alerts),
      alertIds: ids,
      createdBy: actor.name,
      ...(assignee ? { assignee } : {}),
      at,
    }),
  );
  if (input.sameParty) {
    const related = await unassignedRelated(stores, alerts, input.sameParty);
    c = linkAlertsToCase(c, related.map((a) => a.id).slice(0, maxAlertsPerCase - ids.length), at);
  }
  await stores.cases.create(c);
  await stores.alerts.setWorkflow(c.alertIds, {
    caseId: c.id,
    status: c.status,
    ...(assignee ? { assignee } : {}),
  });
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'case.create',
    target: `case:${c.id}`,
    before: null,
    after: c,
  });
  return c;
}

/** How many open alerts are read when looking for ones about the same party. */
const relatedScanLimit = 20_000;

async function unassignedRelated(
  stores: Pick<Stores, 'alerts'>,
  caseAlerts: readonly AlertRecord[],
  sameParty: SamePartyDecision,
): Promise<AlertRecord[]> {
  const found: AlertRecord[] = [];
  let cursor: string | undefined;
  let scanned = 0;
  do {
    const page = await stores.alerts.list({ status: 'open', limit: 1000, ...(cursor ? { cursor } : {}) });
    scanned += page.alerts.length;
    const free = page.alerts.filter((a) => !a.caseId);
    found.push(...(relatedAlerts(caseAlerts, free, sameParty) as AlertRecord[]));
    cursor = page.nextCursor;
  } while (cursor && scanned < relatedScanLimit);
  return found;
}

/**
 * Adds open alerts about the case's party (from any engine, not yet in a case) to the case.
 *
 * @example
 * const { linked } = await linkRelatedAlerts(stores, ana, c.id, await samePartyByName());
 */
export async function linkRelatedAlerts(
  stores: CaseStores,
  actor: Principal,
  caseId: string,
  sameParty: SamePartyDecision,
): Promise<{ case: Case; linked: string[] }> {
  authorize(actor, 'cases.create');
  const before = await loadCase(stores, caseId);
  const caseAlerts = (await Promise.all(before.alertIds.map((id) => stores.alerts.get(id)))).filter(
    (a): a is AlertRecord => a !== undefined,
  );
  const related = await unassignedRelated(stores, caseAlerts, sameParty);
  const room = maxAlertsPerCase - before.alertIds.length;
  const linked = related.map((a) => a.id).slice(0, Math.max(0, room));
  if (linked.length === 0) return { case: before, linked };
  const after = applyRule(() => linkAlertsToCase(before, linked, new Date().toISOString()));
  await saveCase(stores, actor, 'case.link-alerts', before, after);
  await stores.alerts.setWorkflow(linked, {
    caseId: after.id,
    status: after.status,
    ...(after.assignee ? { assignee: after.assignee } : {}),
  });
  return { case: after, linked };
}

export interface CaseDetail {
  case: Case;
  alerts: AlertRecord[];
  comments: CaseComment[];
  evidence: CaseEvidence[];
}

export async function getCase(stores: CaseStores, actor: Principal, id: string): Promise<CaseDetail> {
  authorize(actor, 'cases.read');
  const c = await loadCase(stores, id);
  const alerts = (await Promise.all(c.alertIds.map((a) => stores.alerts.get(a)))).filter(
    (a): a is AlertRecord => a !== undefined,
  );
  return {
    case: c,
    alerts,
    comments: await stores.cases.comments(id),
    evidence: await stores.cases.evidence(id),
  };
}

export async function listCases(
  stores: Pick<Stores, 'cases'>,
  actor: Principal,
  filter: CaseFilter & { limit?: number; cursor?: string } = {},
): Promise<{ cases: Case[]; nextCursor?: string }> {
  authorize(actor, 'cases.read');
  if (filter.status && !caseStatuses.includes(filter.status))
    throw new ServiceError('invalid', `status: expected one of ${caseStatuses.join(', ')}`, {
      field: 'status',
    });
  return stores.cases.list(filter);
}

/** Assigns (or, with `null`, unassigns) a case. Analysts may take a case themselves; assigning others needs a supervisor. */
export async function assignCase(
  stores: CaseStores,
  actor: Principal,
  id: string,
  assignee: string | null,
  expectedVersion?: number,
): Promise<Case> {
  authorize(actor, 'cases.assign');
  const before = await loadCase(stores, id, expectedVersion);
  if (assignee === null && before.assignee && before.assignee !== actor.name)
    authorize(actor, 'cases.assign-others');
  const name = assignee === null ? undefined : await checkAssignee(stores, actor, assignee);
  const after = applyRule(() => assignRule(before, name, new Date().toISOString()));
  return saveCase(stores, actor, 'case.assign', before, after, { assignee: name ?? null });
}

export async function changeCaseStatus(
  stores: CaseStores,
  actor: Principal,
  id: string,
  status: CaseStatus,
  expectedVersion?: number,
): Promise<Case> {
  authorize(actor, 'cases.status');
  if (!caseStatuses.includes(status))
    throw new ServiceError('invalid', `status: expected one of ${caseStatuses.join(', ')}`, {
      field: 'status',
    });
  const before = await loadCase(stores, id, expectedVersion);
  const after = applyRule(() =>
    changeStatusRule(before, status, { name: actor.name, role: actor.role }, new Date().toISOString()),
  );
  return saveCase(stores, actor, 'case.status', before, after, { status: after.status });
}

export async function commentOnCase(
  stores: CaseStores,
  actor: Principal,
  id: string,
  text: string,
): Promise<CaseComment> {
  authorize(actor, 'cases.comment');
  const c = await loadCase(stores, id);
  const comment = applyRule(() =>
    newComment({
      id: `note-${randomBytes(6).toString('hex')}`,
      caseId: c.id,
      author: actor.name,
      text,
      at: new Date().toISOString(),
    }),
  );
  await stores.cases.addComment(comment);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'case.comment',
    target: `case:${c.id}`,
    before: null,
    after: comment,
  });
  return comment;
}

export interface EvidenceInput {
  fileName: string;
  mediaType?: string;
  content: Uint8Array;
}

/** Attaches a file (size-limited, identified by its SHA-256); closed cases take no new evidence. */
export async function attachEvidence(
  stores: CaseStores,
  actor: Principal,
  id: string,
  input: EvidenceInput,
  options: { maxBytes?: number } = {},
): Promise<CaseEvidence> {
  authorize(actor, 'cases.evidence');
  const c = await loadCase(stores, id);
  if (c.status === 'closed')
    throw new ServiceError('conflict', `case ${id} is closed; a supervisor can reopen it`);
  const meta = applyRule(() =>
    evidenceRecord({
      id: `ev-${randomBytes(6).toString('hex')}`,
      caseId: c.id,
      fileName: input.fileName,
      ...(input.mediaType ? { mediaType: input.mediaType } : {}),
      content: input.content,
      addedBy: actor.name,
      at: new Date().toISOString(),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    }),
  );
  await stores.cases.addEvidence(meta, input.content);
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'case.evidence',
    target: `case:${c.id}`,
    before: null,
    after: meta,
  });
  return meta;
}

/** An evidence file's facts and content, for download. */
export async function evidenceFile(
  stores: Pick<Stores, 'cases'>,
  actor: Principal,
  evidenceId: string,
): Promise<{ meta: CaseEvidence; content: Uint8Array }> {
  authorize(actor, 'cases.read');
  const found = await stores.cases.evidenceContent(evidenceId);
  if (!found) throw new ServiceError('not-found', `no evidence file ${evidenceId}`);
  return found;
}
