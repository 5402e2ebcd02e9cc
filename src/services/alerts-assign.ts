/**
 * Assigning alerts that are not yet in a case, in bulk (the queue view: "these twenty are mine").
 * Alerts in a case follow the case's assignee, so they are refused here with the case named.
 */
import type { AlertRecord, Stores } from '../core/index.js';
import { recordAudit } from './audit-record.js';
import { checkAssignee, maxAlertsPerCase } from './cases.js';
import { auditActor, authorize, type Principal } from './principal.js';
import { ServiceError } from './service-error.js';

/**
 * @example
 * await assignAlerts(stores, ana, ['screening-3f2a…', 'goods-91bc…'], 'ana');   // { changed: 2 }
 * await assignAlerts(stores, sam, ids, null);                                  // unassign (supervisor)
 */
export async function assignAlerts(
  stores: Pick<Stores, 'alerts' | 'audit' | 'users'>,
  actor: Principal,
  alertIds: readonly string[],
  assignee: string | null,
): Promise<{ changed: number }> {
  authorize(actor, 'cases.assign');
  const ids = [...new Set(alertIds)];
  if (ids.length === 0)
    throw new ServiceError('invalid', 'give at least one alert id', { field: 'alertIds' });
  if (ids.length > maxAlertsPerCase)
    throw new ServiceError('invalid', `at most ${maxAlertsPerCase} alerts at a time`, { field: 'alertIds' });
  const name = assignee === null ? null : await checkAssignee(stores, actor, assignee);
  const before: AlertRecord[] = [];
  for (const id of ids) {
    const alert = await stores.alerts.get(id);
    if (!alert) throw new ServiceError('not-found', `no alert ${id}`, { field: 'alertIds' });
    if (alert.caseId)
      throw new ServiceError('conflict', `alert ${id} is in case ${alert.caseId}: assign the case instead`);
    if (name === null && alert.assignee && alert.assignee !== actor.name)
      authorize(actor, 'cases.assign-others');
    before.push(alert);
  }
  const changed = await stores.alerts.setWorkflow(ids, { assignee: name });
  await recordAudit(stores, {
    actor: auditActor(actor),
    action: 'alerts.assign',
    target: ids.length === 1 ? `alert:${ids[0]}` : `alerts:${ids.length}`,
    before: before.map((a) => ({ id: a.id, assignee: a.assignee ?? null })),
    after: { ids, assignee: name },
  });
  return { changed };
}
