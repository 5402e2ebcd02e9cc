/** The alert queue routes' view of the services' `AlertStore`: query parameters to its filter and page. */
import type { AlertStore } from '../../core/index.js';
import type { AlertQuery, AlertRecordJson, ApiAlerts } from '../api-dependencies.js';

/**
 * Stored times are full ISO strings (`…T00:10:00.000Z`) compared as text, so a bound is written the
 * same way; a bare date is its whole day (`to=2025-04-01` includes that day).
 */
export function timeBound(value: string, end: 'from' | 'to'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${value}T${end === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

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
        ...(query.from ? { createdFrom: timeBound(query.from, 'from') } : {}),
        ...(query.to ? { createdTo: timeBound(query.to, 'to') } : {}),
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
