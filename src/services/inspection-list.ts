/**
 * The day's inspection list for a port: the targeting alerts (one per declaration or crossing
 * selected for inspection) whose declaration is of that day and office, with the fired rules and
 * the model's strongest reasons read back from their evidence, exploration picks marked. The port
 * and day live in the evidence, not in the alert store's columns, so they are filtered here.
 */
import type { AlertRecord, AlertStore } from '../core/index.js';
import { targetingRuleName } from './targeting-alerts.js';

export interface InspectionPick {
  alertId: string;
  declarationId: string;
  day: string;
  port: string;
  hs6: string;
  score: number;
  severity?: string;
  /**
   * `risk` (highest scores within capacity) or `exploration` (the engine's `exploration-uncertain`
   * or `exploration-random`: picked to learn where risk is unknown).
   */
  reason: 'risk' | 'exploration';
  rank: number;
  firedRules: Array<{ name: string; weight: number; reason: string }>;
  modelReasons: Array<{ feature: string; logOdds: number; value: number }>;
  /** Which model scored it, or `indicator rules` when scored by the rules alone. */
  scoredBy: string;
  status: string;
}

export interface InspectionList {
  picks: InspectionPick[];
  /** Every port and day among the stored picks, sorted, for the pickers. */
  ports: string[];
  days: string[];
  /** Targeting alerts read; those without a declaration in their evidence are counted apart. */
  scanned: number;
  unreadable: number;
}

interface Evidence {
  declaration?: { id?: unknown; date?: unknown; office?: unknown; hs6?: unknown };
  selection?: { reason?: unknown; rankInGroup?: unknown };
  firedRules?: unknown;
  modelContributions?: unknown;
}

function pickOf(alert: AlertRecord): InspectionPick | undefined {
  const data = alert.evidence.data as Evidence | undefined;
  const d = data?.declaration;
  if (!d || typeof d.date !== 'string' || typeof d.office !== 'string') return undefined;
  const fired = Array.isArray(data.firedRules) ? data.firedRules : [];
  const model = Array.isArray(data.modelContributions) ? data.modelContributions : [];
  return {
    alertId: alert.id,
    declarationId: typeof d.id === 'string' ? d.id : alert.subject,
    day: d.date,
    port: d.office,
    hs6: typeof d.hs6 === 'string' ? d.hs6 : '',
    score: alert.score,
    ...(alert.severity ? { severity: alert.severity } : {}),
    reason: String(data.selection?.reason ?? '').startsWith('exploration') ? 'exploration' : 'risk',
    rank: typeof data.selection?.rankInGroup === 'number' ? data.selection.rankInGroup : 0,
    firedRules: fired.map((f: { name?: unknown; weight?: unknown; reason?: unknown }) => ({
      name: String(f.name ?? ''),
      weight: Number(f.weight ?? 0),
      reason: String(f.reason ?? ''),
    })),
    modelReasons: model.map((m: { feature?: unknown; logOdds?: unknown; value?: unknown }) => ({
      feature: String(m.feature ?? ''),
      logOdds: Number(m.logOdds ?? 0),
      value: Number(m.value ?? 0),
    })),
    scoredBy: alert.rule.version,
    status: alert.status,
  };
}

/**
 * Risk picks first (highest score first), then exploration picks; `port` and `day` absent mean all.
 *
 * @example
 * const list = await inspectionList(stores.alerts, { day: '2024-03-01', port: 'El Paso TX' });
 */
export async function inspectionList(
  alerts: Pick<AlertStore, 'list'>,
  filter: { port?: string; day?: string },
): Promise<InspectionList> {
  const picks: InspectionPick[] = [];
  const ports = new Set<string>();
  const days = new Set<string>();
  let scanned = 0;
  let unreadable = 0;
  let cursor: string | undefined;
  do {
    const page = await alerts.list({
      kind: 'targeting',
      rule: targetingRuleName,
      sort: 'newest',
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    for (const alert of page.alerts) {
      scanned++;
      const pick = pickOf(alert);
      if (!pick) {
        unreadable++;
        continue;
      }
      ports.add(pick.port);
      days.add(pick.day);
      if (filter.port && pick.port !== filter.port) continue;
      if (filter.day && pick.day !== filter.day) continue;
      picks.push(pick);
    }
    cursor = page.nextCursor;
  } while (cursor);
  picks.sort(
    (a, b) =>
      (a.reason === 'risk' ? 0 : 1) - (b.reason === 'risk' ? 0 : 1) ||
      b.score - a.score ||
      a.declarationId.localeCompare(b.declarationId),
  );
  return { picks, ports: [...ports].sort(), days: [...days].sort(), scanned, unreadable };
}
