/**
 * What a token is in its name, where the name says so: the parser marks own and father's names so
 * that the scorer can tell "Salman bin Muhammad" from "Muhammad bin Salman".
 */

/** What a token is in its name, where the name says so: 0 unknown, 1 own given name, 2 father's name. */
export const NAME_ROLE = { unknown: 0, given: 1, patronymic: 2 } as const;
