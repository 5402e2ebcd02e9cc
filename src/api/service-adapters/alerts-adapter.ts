/** The alert queue routes' view of the services' `AlertStore`: query parameters to its filter and page. */
import type { AlertStore } from '../../core/index.js';
import type { AlertQuery, AlertRecordJson, ApiAlerts } from '../api-dependencies.js';

export function alertsAdapter(alerts: AlertStore): ApiAlerts {
  return {
    async list(query: AlertQuery) {
      const page = await alerts.list({
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.rule ? { rule: query.rule } : {}),
        ...(query.severity ? { severity: query.severity } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.subject ? { subject: query.subject } : {}),
        ...(query.assignee ? { assignee: query.assignee } : {}),
        ...(query.case ? { caseId: query.case } : {}),
        ...(query.from ? { createdFrom: query.from } : {}),
        ...(query.to ? { createdTo: query.to } : {}),
        ...(query.listVersion ? { listVersion: query.listVersion } : {}),
        sort: query.sort,
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return page as { alerts: AlertRecordJson[]; nextCursor?: string };
    },
    async get(id: string) {
      return (await alerts.get(id)) as AlertRecordJson | undefined;
    },
  };
}
