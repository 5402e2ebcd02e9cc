/**
 * Small integer ids for name tokens, given once when a name is prepared, so the scorer can compare
 * and memoise token pairs by number instead of by string.
 */

/** Above this many distinct tokens the table starts afresh, bounding memory on endless query streams. */
const MAX_REMEMBERED = 1 << 20;

const MAX_ID = 1 << 28;

const ids = new Map<string, number>();
let nextId = 1;

/**
 * The id of a token. Ids are never reused: after the table starts afresh a token seen before gets
 * a new id, which only costs a memo miss — two different tokens never share an id.
 * @example tokenId('guzman') === tokenId('guzman') // true
 */
export function tokenId(token: string): number {
  let id = ids.get(token);
  if (id === undefined) {
    // The memo keeps two bits of context above 2^28; past that many tokens ever, ids run out and
    // tokens are simply compared without the memo (id 0).
    if (nextId >= MAX_ID) return 0;
    if (ids.size >= MAX_REMEMBERED) ids.clear();
    id = nextId++;
    ids.set(token, id);
  }
  return id;
}

/** Ids of a list of tokens. */
export function tokenIds(tokens: readonly string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) out[k] = tokenId(tokens[k]!);
  return out;
}
