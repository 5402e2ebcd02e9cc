/**
 * Lookup tables keyed by words of a name. A plain object literal inherits from Object.prototype,
 * so a name word such as CONSTRUCTOR or TOSTRING would find a function in it (CONSTRUCTOR was read
 * as a number); the tables are built without a prototype, so only their own words are found.
 */

/**
 * The entries as a table that holds nothing but them.
 * @example wordTable({ one: 1 }).constructor // undefined
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
