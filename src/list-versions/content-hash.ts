/**
 * A fingerprint of a list's content, so re-importing the same publication (even from files with
 * rows in another order) is recognised and no duplicate version is stored.
 */
import { createHash } from 'node:crypto';
import type { Entity } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 over the entities' canonical JSON, sorted by entity id: independent of input order.
 *
 * @example
 * contentHash([a, b]) === contentHash([b, a]); // true
 */
export function contentHash(entities: readonly Entity[]): string {
  const hash = createHash('sha256');
  const lines = entities.map((e) => `${e.id}\t${canonicalJson(e)}`);
  lines.sort((x, y) => compareIds(idOf(x), idOf(y)) || (x < y ? -1 : x > y ? 1 : 0));
  for (const line of lines) hash.update(line).update('\n');
  return `sha256:${hash.digest('hex')}`;
}

function idOf(line: string): string {
  return line.slice(0, line.indexOf('\t'));
}

/** Entity ids in natural order: numeric ids (OFAC ent_num) by value, others as text. */
export function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  if (!Number.isNaN(na) && Number.isNaN(nb)) return -1;
  if (Number.isNaN(na) && !Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
