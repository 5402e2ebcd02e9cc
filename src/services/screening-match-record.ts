/** The match object of the screening output contract (snake_case, score to 4 decimals), with versions for replay. */
import type { ScreeningMatch } from '../core/index.js';

export interface MatchRecord {
  entity_id: string;
  list: string;
  list_version: string;
  name: string;
  matched_alias: string;
  score: number;
  match: boolean;
  explanation: ScreeningMatch['explanation'];
  algorithm: string;
}

/**
 * @example
 * JSON.stringify({ id: query.id, matches: matches.map(matchRecord) })
 */
export function matchRecord(m: ScreeningMatch): MatchRecord {
  return {
    entity_id: m.entityId,
    list: m.list,
    list_version: m.listVersion,
    name: m.name,
    matched_alias: m.matchedAlias,
    score: Math.round(m.score * 10000) / 10000,
    match: m.match,
    explanation: m.explanation,
    algorithm: m.algorithm,
  };
}
