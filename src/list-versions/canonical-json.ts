/**
 * A canonical JSON text for entity values: object keys sorted, arrays kept as sets (sorted by their
 * own canonical text), empty fields dropped. Two entities that say the same thing in a different
 * order get the same text, so hashing and diffing do not report reshuffles as changes.
 */

/**
 * Canonical text of any JSON-like value; `undefined` properties, empty arrays and empty objects are omitted.
 *
 * @example
 * canonicalJson({ b: [2, 1], a: 'x', c: [] }) === canonicalJson({ a: 'x', b: [1, 2] }); // true
 */
export function canonicalJson(value: unknown): string {
  return canonicalText(value) ?? 'null';
}

/** The canonical text, or undefined for a value that is omitted (undefined, empty array or object). */
function canonicalText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const items: string[] = [];
    for (const item of value) items.push(canonicalText(item) ?? 'null');
    items.sort();
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = canonicalText(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
}
