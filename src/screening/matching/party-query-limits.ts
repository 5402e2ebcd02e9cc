/**
 * The documented size of each field of a party to screen. A field over its limit is refused with
 * a reason naming the field and the limit, never truncated silently: a 10 MB "name" is an input
 * error, not a name (the batch reports the row as rejected).
 */
import type { PartyQuery } from '../../core/index.js';
import { InputError } from '../../core/input-error.js';
import { MAX_NAME_LENGTH } from './prepared-name.js';

/** Longest birth date, country, nationality or identifier accepted, in UTF-16 code units. */
export const MAX_QUALIFIER_LENGTH = 200;

/**
 * Throws an InputError naming the first field over its limit.
 * @example checkPartyQuery({ id: 'c1', name: 'x'.repeat(2000) }) // throws: name is 2,000 characters; the limit is 1,000
 */
export function checkPartyQuery(query: PartyQuery): void {
  over('name', query.name, MAX_NAME_LENGTH);
  over('birthDate', query.birthDate, MAX_QUALIFIER_LENGTH);
  over('country', query.country, MAX_QUALIFIER_LENGTH);
  over('nationality', query.nationality, MAX_QUALIFIER_LENGTH);
  over('idNumber', query.idNumber, MAX_QUALIFIER_LENGTH);
}

function over(field: string, value: string | undefined, limit: number): void {
  if (value !== undefined && value.length > limit)
    throw new InputError(
      `${field} is ${value.length.toLocaleString('en-US')} characters; the limit is ${limit.toLocaleString('en-US')}`,
      { field },
    );
}
