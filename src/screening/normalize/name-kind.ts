/**
 * What the caller says a name is: a person's, an organisation's, or not known. Parsing rules that
 * would mistake a surname for a legal form (or a company word for a title) depend on it.
 */

/** What the caller says a name is. */
export type NameKindHint = 'person' | 'organization' | 'unknown';
