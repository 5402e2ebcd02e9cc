/**
 * Other names written into one name string ("ORION ex POLARIS", "Acme Ltd (formerly Beta Ltd)",
 * "Juan Perez a.k.a. Juanito"): the name before the marker is the name, each name after one is
 * an alias, compared as a name of its own.
 */
/** a.k.a., f.k.a., n.k.a., "also known as", "formerly (known as)", "previously"; vessels' "ex". */
const MARKER =
  /(?:^|[\s([,;])(?:a\.?k\.?a|f\.?k\.?a|n\.?k\.?a|also\s+known\s+as|formerly\s+known\s+as|formerly|previously)(?=[\s.:-]|$)[.:-]*/giu;
/** "ex" marks a former name of a vessel or company ("ORION (ex-POLARIS)"); never first. */
const EX_MARKER =
  /(?:^|[\s([,;])(?:a\.?k\.?a|f\.?k\.?a|n\.?k\.?a|also\s+known\s+as|formerly\s+known\s+as|formerly|previously|ex)(?=[\s.:-]|$)[.:-]*/giu;

/** Brackets and separators left at the edges of a part once the markers are cut out. */
function clean(part: string): string {
  return part
    .replace(/[()[\]]/g, ' ')
    .replace(/^[\s,;:.-]+|[\s,;:-]+$/g, '')
    .trim();
}

/**
 * Splits a raw name at alias markers.
 * @example splitAliasMarkers('ORION (ex-POLARIS)', 'organization') // { name: 'ORION', aliases: ['POLARIS'] }
 */
export function splitAliasMarkers(
  raw: string,
  kind: 'person' | 'organization' | 'unknown',
): { name: string; aliases: string[] } {
  const marker = kind === 'person' ? MARKER : EX_MARKER;
  marker.lastIndex = 0;
  if (!marker.test(raw)) return { name: raw, aliases: [] };
  const parts = raw.split(marker).map(clean);
  const name = parts[0] ?? '';
  // A marker at the very start ("Ex Machina Ltd") is a word of the name, not a marker.
  if (name === '') return { name: raw, aliases: [] };
  return { name, aliases: parts.slice(1).filter((p) => p !== '') };
}
