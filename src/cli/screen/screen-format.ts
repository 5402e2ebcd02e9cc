/** How screening results are written: JSON objects for machines, short readable blocks for people. */
import type { ScreeningMatch } from '../../core/index.js';
import type { BatchSummary } from '../../services/index.js';

/** A readable block per match: score, entity, the alias that matched, then each feature's share. */
export function formatMatches(query: string, matches: ScreeningMatch[], threshold: number): string {
  if (matches.length === 0) return `No match for "${query}" at threshold ${threshold}.\n`;
  const lines: string[] = [`${matches.length} match${matches.length === 1 ? '' : 'es'} for "${query}":`];
  for (const m of matches) {
    lines.push('');
    lines.push(`  ${m.score.toFixed(3)}  ${m.match ? 'MATCH' : 'below'}  ${m.list}:${m.entityId}  ${m.name}`);
    if (m.matchedAlias !== m.name) lines.push(`         matched alias: ${m.matchedAlias}`);
    for (const f of m.explanation) {
      const value = f.value.toFixed(2);
      lines.push(
        `         ${f.feature.padEnd(18)} ${value.padStart(5)} × ${f.weight.toFixed(2)}  ${f.detail}`,
      );
    }
    lines.push(`         list version ${m.listVersion}, algorithm ${m.algorithm}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The batch summary line: rows read = screened + rejected, rows with matches, speed. */
export function formatSummary(s: BatchSummary): string {
  return (
    `rows read ${s.rowsRead}, screened ${s.screened}, rejected ${s.rejected}, alerts ${s.alerts} ` +
    `(rows with at least one match), ${s.seconds.toFixed(2)} s, ${Math.round(s.namesPerSecond)} names/s` +
    ` (${s.workers === 0 ? 'in-process' : `${s.workers} workers`})\n`
  );
}

/** Where the matches were filed as alerts: how many are new and how many were already queued. */
export function formatRecorded(location: string, recorded: { inserted: number; unchanged: number }): string {
  return `sentinela: alerts in ${location}: ${recorded.inserted} new, ${recorded.unchanged} already in the queue\n`;
}
