/**
 * The token-rarity table: how common each name word is in the loaded lists, so that a word many
 * listed entities share (a surname such as Kim or Tikriti, a patronymic such as Vladimirovich, a
 * business word such as Zavod, a series word such as Yuan) weighs less in a name than a word that
 * names one entity. Computed from the lists themselves by the screener (both the listed names and
 * every query are weighed with it), stored in the screening snapshot, and applied on top of the
 * fixed word lists (`orgCommonWords`, `weakNameWords`), which still set the weight when lower.
 */
import type { PreparedName } from './prepared-name.js';

/** A word held by at most this many listed entities (of its kind) weighs fully. */
export const RARE_ENTITY_COUNT = 20;
/** Weight lost per e-fold of entities beyond RARE_ENTITY_COUNT (100 entities: 0.76; 300: 0.59). */
export const RARITY_SLOPE = 0.15;
/**
 * No word weighs less than this through the table: the weight of a very common personal name in
 * the fixed lists (Mohammed, Ali, Abu), so the table extends those lists to the words they miss
 * without reweighing the ones they hold (the fixed lists may still set lower weights, 0.35 for
 * common business words).
 */
export const MIN_RARITY_WEIGHT = 0.55;

/** Weight of a word held by `entities` listed entities. */
export function rarityWeight(entities: number): number {
  if (entities <= RARE_ENTITY_COUNT) return 1;
  return Math.max(MIN_RARITY_WEIGHT, 1 - RARITY_SLOPE * Math.log(entities / RARE_ENTITY_COUNT));
}

/** The weights below 1, by word: one table for personal names, one for the others. */
export interface TokenRarityTable {
  readonly person: ReadonlyMap<string, number>;
  readonly other: ReadonlyMap<string, number>;
}

/** Whether a prepared name is weighed as a person's (the other schemas share one table). */
function isPerson(name: PreparedName): boolean {
  return name.schema === 'Person';
}

/**
 * Counts, per word, the listed entities holding it in any of their names (entity by entity), and
 * keeps the weight of every word held by more than RARE_ENTITY_COUNT of them.
 * @example
 * const counter = new TokenRarityCounter();
 * counter.addEntity([prepareName('KIM, Chol', 'Person')]);
 * const table = counter.table();
 */
export class TokenRarityCounter {
  private readonly counts = { person: new Map<string, number>(), other: new Map<string, number>() };
  private readonly seen = { person: new Set<string>(), other: new Set<string>() };

  /** Adds the prepared names of one entity. */
  addEntity(names: readonly PreparedName[]): void {
    this.seen.person.clear();
    this.seen.other.clear();
    for (const name of names) {
      const kind = isPerson(name) ? 'person' : 'other';
      for (const token of name.keyTokens) this.seen[kind].add(token);
    }
    for (const kind of ['person', 'other'] as const) {
      const counts = this.counts[kind];
      for (const token of this.seen[kind]) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }

  /** The table of the entities added so far (words in sorted order, so equal lists give equal tables). */
  table(): TokenRarityTable {
    const keep = (map: Map<string, number>): Map<string, number> => {
      const out = new Map<string, number>();
      for (const [token, n] of [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
        if (n > RARE_ENTITY_COUNT) out.set(token, rarityWeight(n));
      return out;
    };
    return { person: keep(this.counts.person), other: keep(this.counts.other) };
  }
}

/** An empty table (every word weighs as the fixed lists say). */
export const NO_RARITY: TokenRarityTable = { person: new Map(), other: new Map() };

/**
 * Lowers the weights of a prepared name's common words to what the table says (in place, with its
 * nicknames and readings): a word's weight is the lower of its fixed weight and its rarity weight.
 * Returns the same name.
 */
export function weighByRarity(name: PreparedName, table: TokenRarityTable): PreparedName {
  const weights = isPerson(name) ? table.person : table.other;
  if (weights.size > 0) {
    for (let i = 0; i < name.keyTokens.length; i++) {
      const w = weights.get(name.keyTokens[i]!);
      if (w !== undefined && w < name.weights[i]!) {
        name.weights[i] = w;
        name.rarityWords ??= [];
        name.rarityWords.push(name.keyTokens[i]!);
      }
    }
  }
  for (const nickname of name.nicknames) weighByRarity(nickname, table);
  if (name.initialsApart) weighByRarity(name.initialsApart, table);
  return name;
}

/** The table as one JSON record (for the snapshot; numbers round-trip exactly). */
export function encodeTokenRarity(table: TokenRarityTable): string {
  return JSON.stringify({ person: [...table.person], other: [...table.other] });
}

/** The table from its JSON record. */
export function decodeTokenRarity(json: string): TokenRarityTable {
  const raw = JSON.parse(json) as { person: Array<[string, number]>; other: Array<[string, number]> };
  return { person: new Map(raw.person), other: new Map(raw.other) };
}
