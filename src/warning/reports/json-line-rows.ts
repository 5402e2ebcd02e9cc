/**
 * The rows of a JSON-lines report file: each non-blank line must be one JSON object; a line that is
 * not is rejected on field `row` with its line number, so every report reader says it the same way.
 */
import type { RowReject } from '../../core/input-error.js';

/**
 * @example
 * forEachJsonLineRow('{"date":"2024-01-03"}\n', (row, line) => …, (reject) => rejected.push(reject));
 */
export function forEachJsonLineRow(
  text: string,
  onRow: (row: Record<string, unknown>, line: number) => void,
  onReject: (reject: RowReject) => void,
): void {
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (!lineText.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(lineText);
    } catch {
      onReject({ line: i + 1, field: 'row', reason: 'is not valid JSON' });
      return;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      onReject({ line: i + 1, field: 'row', reason: 'must be a JSON object' });
      return;
    }
    onRow(raw as Record<string, unknown>, i + 1);
  });
}
