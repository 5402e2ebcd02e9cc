/**
 * Screening matches as alerts in the one queue: one alert per screened party and listed entity it
 * matched, saying in the analyst's words who matched whom and on what, with the feature lines and
 * the list version kept as evidence. The id comes from the party, the entity and the query's
 * normalised name and qualifiers, so screening the same party again does not raise it twice.
 */
import { type Alert, alertId, type PartyQuery, type ScreeningMatch } from '../core/index.js';
import { reviewQueryKey } from '../screening/index.js';

/** The rule every screening alert names; its version is the matcher and screener version. */
export const screeningRuleName = 'watchlist-name-match';

/** From this score a match is `high` severity; below it (and at or above the threshold) `medium`. */
export const highSeverityScore = 0.95;

export interface ScreeningAlertOptions {
  /** What the alert is about; default the query's id (a customer number in a batch). */
  subject?: string;
  /** The threshold the matches were judged at, kept as evidence. */
  threshold: number;
  createdAt: string;
  /** The screened file, when there was one. */
  input?: string;
}

/**
 * Alerts for the matches at or above the threshold (`match: true`); matches below it raise none.
 *
 * @example
 * const alerts = screeningAlerts(query, matches, { threshold: 0.8, createdAt: new Date().toISOString() });
 */
export function screeningAlerts(
  query: PartyQuery,
  matches: readonly ScreeningMatch[],
  options: ScreeningAlertOptions,
): Alert[] {
  const above = matches.filter((m) => m.match);
  // Most screened parties match nothing: their key (a normalisation and a hash) is never needed.
  if (above.length === 0) return [];
  const subject = options.subject ?? query.id;
  const queryKey = reviewQueryKey(query);
  return above.map((m) => {
    const rule = { name: screeningRuleName, version: m.algorithm };
    return {
      id: alertId('screening', subject, rule, `${m.list}:${m.entityId}|${queryKey}`),
      kind: 'screening',
      subject,
      rule,
      score: m.score,
      severity: m.score >= highSeverityScore ? 'high' : 'medium',
      evidence: { summary: matchSummary(query, m), data: matchEvidence(query, m, options.threshold) },
      sources: [
        { name: m.list, version: m.listVersion },
        ...(options.input !== undefined ? [{ name: options.input }] : []),
      ],
      parties: [query.name],
      createdAt: options.createdAt,
    } satisfies Alert;
  });
}

/** `"Joaquin Guzman" matches us-ofac-sdn:6861 GUZMAN LOERA, Joaquin (score 0.909, list version 3): …`. */
function matchSummary(query: PartyQuery, m: ScreeningMatch): string {
  const via = m.matchedAlias !== m.name ? ` through the listed alias "${m.matchedAlias}"` : '';
  const strongest = [...m.explanation]
    .filter((f) => f.weight > 0)
    .sort((a, b) => Math.abs(b.value * b.weight) - Math.abs(a.value * a.weight))
    .slice(0, 2)
    .map((f) => f.detail);
  return (
    `"${query.name}" matches ${m.list}:${m.entityId} ${m.name}${via} ` +
    `(score ${m.score.toFixed(3)}, list version ${m.listVersion})` +
    (strongest.length ? `: ${strongest.join('; ')}.` : '.')
  );
}

function matchEvidence(query: PartyQuery, m: ScreeningMatch, threshold: number): Record<string, unknown> {
  return {
    query,
    entity: { list: m.list, id: m.entityId, name: m.name, listVersion: m.listVersion },
    matchedAlias: m.matchedAlias,
    score: m.score,
    threshold,
    algorithm: m.algorithm,
    features: m.explanation,
  };
}
