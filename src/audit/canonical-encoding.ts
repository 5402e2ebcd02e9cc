/**
 * The exact bytes an audit entry's hash is computed over. Unlike the list-version canonical text
 * (which treats arrays as sets and drops empty fields, right for entity content), this encoding
 * keeps array order and every field, so that any change an examiner could care about changes the hash.
 */

/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by code unit, no whitespace,
 * arrays in order, `undefined` object members omitted; non-finite numbers are refused because
 * JSON cannot carry them and a hash over a lossy encoding would not be reproducible.
 *
 * @example
 * canonicalEncoding({ b: [2, 1], a: 'x' }); // '{"a":"x","b":[2,1]}'
 */
export function canonicalEncoding(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`audit values must be finite numbers, got ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalEncoding(item ?? null)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        if (record[key] === undefined) continue;
        members.push(`${JSON.stringify(key)}:${canonicalEncoding(record[key])}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`audit values must be JSON data, got ${typeof value}`);
  }
}
