/** The audit routes' view of the audit services: the caller as the services' principal. */
import type { Stores } from '../../core/index.js';
import { caseTimeline, listAudit, verifyAuditAs } from '../../services/audit-read.js';
import type { ApiAudit } from '../api-dependencies.js';
import { servicePrincipal as as } from './access-adapter.js';

export function auditAdapter(stores: Stores): ApiAudit {
  return {
    list: (actor, query) =>
      listAudit(stores, as(actor), {
        ...(query.actor ? { actor: query.actor } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.target ? { target: query.target } : {}),
        ...(query.beforeSeq !== undefined ? { beforeSeq: query.beforeSeq } : {}),
        limit: query.limit,
      }),
    verify: (actor) => verifyAuditAs(stores, as(actor)),
    caseTimeline: (actor, caseId) => caseTimeline(stores, as(actor), caseId),
  };
}
