/**
 * PartyQuerySchema's rules without zod, for the doors that validate one query and must start fast:
 * loading zod costs a `screen "NAME"` 60–90 ms of its 300 ms budget. It accepts exactly what the
 * schema accepts and returns the same object (trimmed name, keys in schema order, a key given as
 * undefined kept as undefined); `party-query-check.test.ts` holds the two to agreement. On a
 * refusal the caller asks the schema itself for the issue, so messages stay the schema's.
 */
import { entitySchemas } from './entity-schema-names.js';
import type { PartyQuery } from './party-query.js';

/** The listed entities' schemas plus 'Thing', the query schema that matches any of them. */
const querySchemas: ReadonlySet<string> = new Set([...entitySchemas, 'Thing']);

/** The schema's date pattern (PartialDateSchema). */
const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

type Rule = (value: unknown) => boolean;

const text: Rule = (v) => typeof v === 'string';

/** The query's keys in the schema's order, each with the rule an optional value must meet. */
const optionalRules: Array<[keyof PartyQuery, Rule]> = [
  ['schema', (v) => typeof v === 'string' && querySchemas.has(v)],
  ['birthDate', (v) => typeof v === 'string' && partialDate.test(v)],
  ['country', text],
  ['nationality', text],
  ['gender', (v) => v === 'male' || v === 'female'],
  ['idNumber', text],
];

/**
 * The query PartyQuerySchema would return for `input`, or undefined where the schema refuses it.
 *
 * @example
 * checkPartyQuery({ id: 'cli', name: ' Joaquin Guzman ' }) // { id: 'cli', name: 'Joaquin Guzman' }
 */
export function checkPartyQuery(input: Readonly<Record<string, unknown>>): PartyQuery | undefined {
  const { id, name } = input;
  if (typeof id !== 'string' || id.length < 1) return undefined;
  if (typeof name !== 'string') return undefined;
  const trimmed = name.trim();
  if (trimmed.length < 1) return undefined;
  const out: Record<string, unknown> = { id, name: trimmed };
  for (const [key, allowed] of optionalRules) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value !== undefined && !allowed(value)) return undefined;
    out[key] = value;
  }
  return out as PartyQuery;
}
