/**
 * A canonical JSON text for entity values: object keys sorted, arrays kept as sets (sorted by their
 * own canonical text), empty fields dropped. Two entities that say the same thing in a different
 * order get the same text, so hashing and diffing do not report reshuffles as changes.
 */

/** Canonical text of any JSON-like value; `undefined` properties, empty arrays and empty objects are omitted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value)) ?? 'null';
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map((v) => canonicalValue(v))
      .map((v) => [JSON.stringify(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonicalValue((value as Record<string, unknown>)[key]);
      if (v === undefined || isEmpty(v)) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}
