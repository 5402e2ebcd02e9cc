/**
 * The keys that tie a reviewed false positive to what was reviewed: the query (normalised name
 * plus qualifiers) and the entity's content. They do not depend on the matcher's normaliser, so a
 * new matcher version keeps old reviews valid.
 */
import { createHash } from 'node:crypto';
import type { Entity, PartyQuery } from '../core/index.js';

/** Lower-case, accent-free, punctuation-free tokens in sorted order: "GUZMAN, Joaquín" = "joaquin guzman". */
export function reviewNormalisedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Identifies a query for reviews: same name (up to order, case, accents, punctuation) and the same
 * qualifiers. A different birth date or id number is a different party and is screened afresh.
 */
export function reviewQueryKey(query: Omit<PartyQuery, 'id'>): string {
  const canonical = JSON.stringify([
    reviewNormalisedName(query.name),
    query.schema ?? '',
    query.birthDate ?? '',
    (query.country ?? '').toLowerCase(),
    (query.nationality ?? '').toLowerCase(),
    query.gender ?? '',
    (query.idNumber ?? '').toUpperCase().replace(/[^0-9A-Z]/g, ''),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash of everything the list says about the entity; any change in a new list version changes it. */
export function entityContentHash(entity: Entity): string {
  return createHash('sha256').update(canonicalJson(entity)).digest('hex').slice(0, 32);
}
