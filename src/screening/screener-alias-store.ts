/**
 * Where the screener keeps its prepared aliases. Small and medium lists keep every prepared name
 * (fastest scoring); very large lists keep only the alias text and re-prepare candidates on demand
 * through a bounded cache, so a million aliases fit in memory.
 */
import {
  NO_RARITY,
  type PreparedName,
  prepareName,
  type TokenRarityTable,
  weighByRarity,
} from './matching/index.js';

export interface AliasStore {
  add(text: string, schema: string, prepared: PreparedName): void;
  get(alias: number): PreparedName;
  text(alias: number): string;
  /** Weighs every alias, held or prepared later, by how common its words are in the lists. */
  applyRarity(table: TokenRarityTable): void;
  readonly size: number;
}

/** Keeps every prepared alias. */
export class RetainedAliases implements AliasStore {
  private readonly prepared: PreparedName[] = [];

  add(_text: string, _schema: string, prepared: PreparedName): void {
    this.prepared.push(prepared);
  }

  get(alias: number): PreparedName {
    return this.prepared[alias]!;
  }

  text(alias: number): string {
    return this.prepared[alias]!.original;
  }

  applyRarity(table: TokenRarityTable): void {
    for (const prepared of this.prepared) weighByRarity(prepared, table);
  }

  get size(): number {
    return this.prepared.length;
  }
}

/** Keeps alias text only; prepared names live in a cache of at most `capacity` entries. */
export class RepreparedAliases implements AliasStore {
  private readonly texts: string[] = [];
  private readonly schemas: string[] = [];
  private readonly cache = new Map<number, PreparedName>();
  private rarity: TokenRarityTable = NO_RARITY;

  constructor(private readonly capacity = 100_000) {}

  add(text: string, schema: string): void {
    this.texts.push(text);
    this.schemas.push(schema);
  }

  get(alias: number): PreparedName {
    const held = this.cache.get(alias);
    if (held) return held;
    const prepared = weighByRarity(prepareName(this.texts[alias]!, this.schemas[alias]), this.rarity);
    // Insertion order makes the Map a FIFO; evicting the oldest entry is enough to bound memory.
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(alias, prepared);
    return prepared;
  }

  text(alias: number): string {
    return this.texts[alias]!;
  }

  applyRarity(table: TokenRarityTable): void {
    this.rarity = table;
    this.cache.clear();
  }

  get size(): number {
    return this.texts.length;
  }
}
