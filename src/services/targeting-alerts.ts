/**
 * Inspection picks as alerts in the one queue: one alert per declaration or crossing selected for
 * inspection, saying why (risk or exploration, score, rank, the fired rules and model reasons), with
 * the parties named on it so a case can gather them with screening hits on the same names.
 */
import { type Alert, type AlertSeverity, alertId } from '../core/index.js';
import {
  type Declaration,
  type DeclarationScore,
  reasonText,
  type Selection,
  type TargetingModelJson,
} from '../targeting/index.js';

/** The rule every targeting alert names; its version says which model (or the rules alone) scored it. */
export const targetingRuleName = 'inspection-selection';

export interface TargetingAlertOptions {
  createdAt: string;
  /** The declarations file, kept as a source. */
  input?: string;
  model?: TargetingModelJson;
}

/** Risk picks by score (≥ 0.8 high, ≥ 0.5 medium, else low); exploration picks are low. */
function severityOf(score: number, selection: Selection): AlertSeverity {
  if (selection.reason !== 'risk') return 'low';
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

/**
 * Alerts for the selected declarations only; `scores` and `selection` are parallel to `declarations`.
 *
 * @example
 * const alerts = targetingAlerts(declarations, scores, selection, { createdAt: new Date().toISOString() });
 */
export function targetingAlerts(
  declarations: readonly Declaration[],
  scores: readonly DeclarationScore[],
  selection: readonly Selection[],
  options: TargetingAlertOptions,
): Alert[] {
  const rule = {
    name: targetingRuleName,
    version: options.model ? `model ${options.model.createdAt}` : 'indicator rules',
  };
  const alerts: Alert[] = [];
  declarations.forEach((d, i) => {
    const s = scores[i]!;
    const sel = selection[i]!;
    if (!sel.selected) return;
    const reasons = reasonText(s);
    const why = sel.reason === 'risk' ? 'on risk' : 'for exploration (to learn where risk is unknown)';
    alerts.push({
      id: alertId('targeting', d.id, rule, `${d.date}|${d.office}`),
      kind: 'targeting',
      subject: d.id,
      rule,
      score: s.score,
      severity: severityOf(s.score, sel),
      evidence: {
        summary:
          `${d.id} (${d.office}, ${d.date}) selected for inspection ${why}: score ${s.score.toFixed(3)}, ` +
          `rank ${sel.rankInGroup}${reasons ? `; ${reasons}` : ''}.`,
        data: {
          declaration: { id: d.id, date: d.date, office: d.office, hs6: d.hs6, source: d.source },
          score: s.score,
          modelScore: Number.isNaN(s.model) ? null : s.model,
          rulesScore: s.rules,
          criticalScore: Number.isNaN(s.critical) ? null : s.critical,
          selection: sel,
          firedRules: s.fired.map((f) => ({ name: f.name, weight: f.weight, reason: f.reason })),
          modelContributions: s.contributions,
        },
      },
      sources: options.input !== undefined ? [{ name: options.input }] : [],
      parties: [...new Set([d.importer, d.seller, d.declarant, d.courier].filter((p) => p.trim() !== ''))],
      createdAt: options.createdAt,
    });
  });
  return alerts;
}
