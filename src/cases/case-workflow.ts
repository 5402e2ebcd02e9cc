/**
 * How a case moves: open → in-review → escalated → closed, closed only through a disposition with a
 * reason, and a true-match disposition closed only by a second person with the supervisor role
 * (four-eyes) — never by the one who proposed it. Each function returns the changed case and
 * leaves its argument untouched, so the caller can record before and after in the audit trail.
 */
import type { Case, CaseStatus, DispositionKind } from '../core/case.js';
import { CaseRuleError } from './case-rule-error.js';

/** Who is acting, as far as case rules care. */
export interface CaseActor {
  name: string;
  role: string;
}

/** Moves allowed by `changeCaseStatus`; closing goes through `disposeCase`, reopening through `reopenCase`. */
export const statusMoves: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in-review', 'escalated'],
  'in-review': ['open', 'escalated'],
  escalated: ['in-review'],
  closed: [],
};

export const maxReasonLength = 4000;

export interface NewCase {
  id: string;
  title: string;
  alertIds: readonly string[];
  createdBy: string;
  assignee?: string;
  at: string;
}

export function openCase(input: NewCase): Case {
  const title = input.title.trim();
  if (!title) throw new CaseRuleError('invalid', 'a case needs a title');
  if (title.length > 300) throw new CaseRuleError('invalid', 'a case title may have at most 300 characters');
  return {
    id: input.id,
    title,
    status: 'open',
    alertIds: [...new Set(input.alertIds)],
    ...(input.assignee ? { assignee: input.assignee } : {}),
    createdBy: input.createdBy,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
  };
}

/** True while a true-match disposition waits for a supervisor. */
export function awaitingApproval(c: Case): boolean {
  return c.status !== 'closed' && c.disposition?.kind === 'true-match' && c.approval === undefined;
}

function changed(c: Case, at: string, patch: Partial<Case>): Case {
  return { ...c, ...patch, updatedAt: at, version: c.version + 1 };
}

function assertWorkable(c: Case): void {
  if (c.status === 'closed')
    throw new CaseRuleError('closed', `case ${c.id} is closed; a supervisor can reopen it`);
}

function cleanReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw new CaseRuleError('invalid', 'a reason is required');
  if (text.length > maxReasonLength)
    throw new CaseRuleError('invalid', `a reason may have at most ${maxReasonLength} characters`);
  return text;
}

/**
 * @example
 * changeCaseStatus(c, 'escalated', { name: 'ana', role: 'analyst' }, now).status; // 'escalated'
 */
export function changeCaseStatus(c: Case, to: CaseStatus, _actor: CaseActor, at: string): Case {
  assertWorkable(c);
  if (to === 'closed')
    throw new CaseRuleError('transition', 'a case is closed by recording a disposition with a reason');
  if (awaitingApproval(c))
    throw new CaseRuleError(
      'awaiting-approval',
      `case ${c.id} awaits a supervisor's approval of its true match`,
    );
  if (!statusMoves[c.status].includes(to))
    throw new CaseRuleError('transition', `case ${c.id} cannot move from ${c.status} to ${to}`);
  return changed(c, at, { status: to });
}

export function assignCase(c: Case, assignee: string | undefined, at: string): Case {
  assertWorkable(c);
  const { assignee: _previous, ...rest } = c;
  return changed(rest, at, assignee ? { assignee } : {});
}

/** Adds alerts to a case (already linked ones are ignored). */
export function linkAlertsToCase(c: Case, alertIds: readonly string[], at: string): Case {
  assertWorkable(c);
  const merged = [...new Set([...c.alertIds, ...alertIds])];
  return merged.length === c.alertIds.length ? c : changed(c, at, { alertIds: merged });
}

/**
 * Records a disposition. False positives and not-relevant close the case at once; a true match
 * stays open for review until a different supervisor approves it.
 *
 * @example
 * const proposed = disposeCase(c, 'true-match', 'same DOB and passport', ana, now);
 * awaitingApproval(proposed); // true
 */
export function disposeCase(
  c: Case,
  kind: DispositionKind,
  reason: string,
  actor: CaseActor,
  at: string,
): Case {
  assertWorkable(c);
  if (awaitingApproval(c))
    throw new CaseRuleError('awaiting-approval', `case ${c.id} already awaits approval of a true match`);
  const disposition = { kind, reason: cleanReason(reason), by: actor.name, at };
  if (kind === 'true-match') {
    const { approval: _none, ...rest } = c;
    return changed(rest, at, { disposition, status: c.status === 'open' ? 'in-review' : c.status });
  }
  return changed(c, at, { disposition, status: 'closed' });
}

/** The four-eyes sign-off: a supervisor who did not propose the true match closes the case. */
export function approveCase(c: Case, approver: CaseActor, at: string): Case {
  if (!awaitingApproval(c))
    throw new CaseRuleError(
      'not-awaiting-approval',
      `case ${c.id} has no true-match disposition awaiting approval`,
    );
  if (approver.role !== 'supervisor')
    throw new CaseRuleError('not-supervisor', 'closing a true-match case needs a supervisor');
  if (approver.name === c.disposition!.by)
    throw new CaseRuleError(
      'four-eyes',
      `${approver.name} proposed this true match and cannot approve it: a second supervisor must (four-eyes)`,
    );
  return changed(c, at, { approval: { by: approver.name, at }, status: 'closed' });
}

/** A supervisor sends a proposed true match back for more work; the proposal is dropped. */
export function returnCase(c: Case, supervisor: CaseActor, reason: string, at: string): Case {
  if (!awaitingApproval(c))
    throw new CaseRuleError(
      'not-awaiting-approval',
      `case ${c.id} has no true-match disposition awaiting approval`,
    );
  if (supervisor.role !== 'supervisor')
    throw new CaseRuleError('not-supervisor', 'only a supervisor can return a proposed true match');
  cleanReason(reason);
  const { disposition: _dropped, ...rest } = c;
  return changed(rest, at, { status: 'in-review' });
}

/** A supervisor reopens a closed case (new information); the old disposition stays in the audit trail. */
export function reopenCase(c: Case, supervisor: CaseActor, reason: string, at: string): Case {
  if (c.status !== 'closed') throw new CaseRuleError('transition', `case ${c.id} is not closed`);
  if (supervisor.role !== 'supervisor')
    throw new CaseRuleError('not-supervisor', 'only a supervisor can reopen a case');
  cleanReason(reason);
  const { disposition: _d, approval: _a, ...rest } = c;
  return changed(rest, at, { status: 'in-review' });
}
