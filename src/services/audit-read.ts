/**
 * Reading the audit trail as a signed-in person: the log filtered (auditors, supervisors, admins),
 * one case's timeline (whoever may read the case), and verification on demand — each checked
 * against the permission matrix, since the CLI's local `audit verify` has no caller to check.
 */
import type { AuditEntry } from '../audit/index.js';
import type { AuditFilter, Stores } from '../core/index.js';
import { type AuditVerifyResult, verifyAudit } from './audit-verify.js';
import { authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';

/**
 * @example
 * const page = await listAudit(stores, auditor, { action: 'case.dispose', limit: 50 });
 */
export async function listAudit(
  stores: Pick<Stores, 'audit'>,
  actor: Principal,
  filter: AuditFilter,
): Promise<AuditEntry[]> {
  authorize(actor, 'audit.read');
  return stores.audit.find(filter);
}

/** A case's changes, oldest first, for the case page's timeline. */
export async function caseTimeline(
  stores: Pick<Stores, 'audit' | 'cases'>,
  actor: Principal,
  caseId: string,
): Promise<AuditEntry[]> {
  authorize(actor, 'cases.read');
  if (!(await stores.cases.get(caseId))) throw new ServiceError('not-found', `no case ${caseId}`);
  const entries = await stores.audit.find({ target: `case:${caseId}`, limit: 1000 });
  return entries.sort((a, b) => a.seq - b.seq);
}

export async function verifyAuditAs(
  stores: Pick<Stores, 'audit'>,
  actor: Principal,
): Promise<AuditVerifyResult> {
  authorize(actor, 'audit.verify');
  return verifyAudit(stores);
}
