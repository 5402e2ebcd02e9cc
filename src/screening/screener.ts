/**
 * The screener: screens one party against loaded list versions. Candidates come from the name
 * index (or, in exhaustive mode, every alias), each is scored by the matcher, the best alias per
 * entity is kept, reviewed false positives are applied, and the matches come back best first
 * with their explanation and the list and algorithm versions needed to replay them.
 */
import type { Entity, PartyQuery, ReviewedFalsePositive, ScreeningMatch } from '../core/index.js';
// The defining file, not the core barrel: a one-name screen must not load zod.
import { displayName } from '../core/display-name.js';
import {
  type CandidateOptions,
  type IndexableName,
  type NameIndex,
  NameIndexBuilder,
} from './index/index.js';
import {
  DEFAULT_THRESHOLD,
  MATCHER_VERSION,
  type PreparedName,
  prepareName,
  PartyScorer,
  scoreParty,
  TokenRarityCounter,
  type TokenRarityTable,
  weighByRarity,
} from './matching/index.js';
import { type AliasStore, RepreparedAliases, RetainedAliases } from './screener-alias-store.js';
import { ReviewFilter } from './screener-review-filter.js';

/** One list version to screen against. */
export interface ScreeningList {
  list: string;
  version: string;
  entities: Entity[];
}

export interface ScreenerOptions {
  /** Analysts' cleared matches; see `ReviewStore`. */
  reviews?: readonly ReviewedFalsePositive[];
  /**
   * Keep every prepared alias in memory (fastest). Default: yes up to 250,000 aliases; above,
   * only the alias text is kept and candidates are re-prepared through a bounded cache.
   */
  retainPreparedAliases?: boolean;
  /** Candidate generation tuning (how many aliases reach the scorer). */
  candidates?: CandidateOptions;
}

export interface ScreenOptions {
  /** Score at or above which a result is a match (an alert). Default: the matcher's DEFAULT_THRESHOLD. */
  threshold?: number;
  /** Results below this score are not returned; defaults to `threshold`. */
  minScore?: number;
  /** At most this many entities, best first. Default 10. */
  limit?: number;
  /** Score every alias instead of the index's candidates (slow; for checking the index). */
  exhaustive?: boolean;
  /**
   * Score every alias of these entities (by number, see `ScreenerParts`) and no others, instead of
   * asking the index: for callers that already know which entities a party may match (monitoring).
   */
  entities?: readonly number[];
}

export interface Screener {
  screen(query: PartyQuery, options?: ScreenOptions): ScreeningMatch[];
  readonly entityCount: number;
  readonly aliasCount: number;
  /** Milliseconds spent preparing aliases and building the index (or opening a snapshot). */
  readonly buildMs: number;
  /** What the screener screens against, for writing a snapshot (`screener-snapshot.ts`). */
  readonly parts: ScreenerParts;
}

/**
 * The data a screener works on: entities by number with their list and version, prepared aliases
 * by number, and the name index over them. Built in memory by `createScreener`, or opened from a
 * snapshot (entities and aliases then decoded on first use).
 */
export interface ScreenerParts {
  readonly entityCount: number;
  entity(entityNumber: number): Entity;
  list(entityNumber: number): string;
  version(entityNumber: number): string;
  readonly aliases: AliasStore;
  readonly index: NameIndex;
  /** How common each word is in these lists (`token-rarity.ts`): queries are weighed with it too. */
  readonly rarity: TokenRarityTable;
}

/** Above this many aliases the screener keeps alias text, not prepared names (see ScreenerOptions). */
const retainAliasesUpTo = 250_000;

/** The identifiers of a query that has none (most of them): one list, never written to. */
const NO_IDENTIFIERS: readonly string[] = [];

/** Version of candidate generation + result assembly, reported beside the matcher's version. */
export const SCREENER_VERSION = 'screener-3';

interface EntitySlot {
  entity: Entity;
  list: string;
  version: string;
}

/**
 * Builds the index over every alias of every entity of the given list versions.
 * @example
 * const screener = createScreener([{ list: 'us-ofac-sdn', version: '3', entities }]);
 * const matches = screener.screen({ id: 'c1', name: 'Joaquin Guzman', schema: 'Person' });
 */
export function createScreener(lists: ScreeningList[], options: ScreenerOptions = {}): Screener {
  const started = performance.now();
  const slots: EntitySlot[] = [];
  const totalAliases = lists.reduce((n, l) => n + l.entities.reduce((m, e) => m + e.names.length, 0), 0);
  const aliases: AliasStore =
    (options.retainPreparedAliases ?? totalAliases <= retainAliasesUpTo)
      ? new RetainedAliases()
      : new RepreparedAliases();
  const builder = new NameIndexBuilder();
  const rarity = new TokenRarityCounter();
  const entityNames: PreparedName[] = [];
  for (const { list, version, entities } of lists) {
    for (const entity of entities) {
      const entityNumber = slots.length;
      slots.push({ entity, list, version });
      const seen = new Set<string>();
      entityNames.length = 0;
      for (const name of entity.names) {
        if (seen.has(name.full)) continue;
        seen.add(name.full);
        const prepared = prepareName(name.full, entity.schema);
        aliases.add(name.full, entity.schema, prepared);
        builder.addAlias(entityNumber, indexable(prepared));
        entityNames.push(prepared);
      }
      rarity.addEntity(entityNames);
      for (const identifier of entity.identifiers) builder.addIdentifier(entityNumber, identifier.value);
    }
  }
  // Weights follow from every list at once, so the aliases are weighed once all are counted.
  const table = rarity.table();
  aliases.applyRarity(table);
  const parts: ScreenerParts = {
    entityCount: slots.length,
    entity: (n) => slots[n]!.entity,
    list: (n) => slots[n]!.list,
    version: (n) => slots[n]!.version,
    aliases,
    index: builder.build(),
    rarity: table,
  };
  return screenerOver(parts, options, performance.now() - started);
}

/**
 * A screener over parts already built or opened (see `ScreenerParts`).
 * @example
 * const screener = screenerOver(openScreenerParts(snapshot), {}, 12);
 */
export function screenerOver(parts: ScreenerParts, options: ScreenerOptions, buildMs: number): Screener {
  const { aliases, index } = parts;
  const reviews = new ReviewFilter(options.reviews ?? []);
  const algorithm = `${MATCHER_VERSION}+${SCREENER_VERSION}`;

  function screen(query: PartyQuery, screenOptions: ScreenOptions = {}): ScreeningMatch[] {
    const threshold = screenOptions.threshold ?? DEFAULT_THRESHOLD;
    const minScore = screenOptions.minScore ?? threshold;
    const limit = screenOptions.limit ?? 10;
    const queryName = weighByRarity(prepareName(query.name, query.schema), parts.rarity);
    // Best alias per entity; aliases that cannot reach minScore are never kept.
    const best = new Map<number, { alias: number; score: number }>();
    const scorer = new PartyScorer(query, queryName, minScore);
    const consider = (alias: number): void => {
      const entityNumber = index.entityOf(alias);
      // The entity is decoded (from a snapshot) only when the name score can reach minScore.
      const score = scorer.score(() => parts.entity(entityNumber), aliases.get(alias));
      if (score < 0) return;
      const held = best.get(entityNumber);
      if (!held || score > held.score) best.set(entityNumber, { alias, score });
    };

    if (screenOptions.entities) {
      for (const entityNumber of screenOptions.entities) {
        const { first, end } = index.aliasesOf(entityNumber);
        for (let alias = first; alias < end; alias++) consider(alias);
      }
    } else if (screenOptions.exhaustive) {
      for (let alias = 0; alias < aliases.size; alias++) consider(alias);
    } else {
      const found = index.candidates(
        indexable(queryName),
        query.idNumber ? [query.idNumber] : NO_IDENTIFIERS,
        options.candidates,
      );
      for (const alias of found.aliases) consider(alias);
      for (const entityNumber of found.identifierEntities) {
        const { first, end } = index.aliasesOf(entityNumber);
        for (let alias = first; alias < end; alias++) consider(alias);
      }
    }
    return assemble(query, queryName, best, { threshold, limit });
  }

  function assemble(
    query: PartyQuery,
    queryName: PreparedName,
    best: Map<number, { alias: number; score: number }>,
    { threshold, limit }: { threshold: number; limit: number },
  ): ScreeningMatch[] {
    const queryReviews = reviews.reviewsFor(query);
    const matches: ScreeningMatch[] = [];
    for (const [entityNumber, hit] of best) {
      const entity = parts.entity(entityNumber);
      const list = parts.list(entityNumber);
      const version = parts.version(entityNumber);
      // The part-by-part explanation is built only for the alias that is reported.
      let { explanation } = scoreParty(query, queryName, entity, aliases.get(hit.alias));
      if (queryReviews) {
        const verdict = reviews.verdict(queryReviews, list, entity);
        if (verdict.action === 'drop') continue;
        if (verdict.action === 'flag') explanation = [...explanation, verdict.note];
      }
      matches.push({
        entityId: entity.id,
        list,
        listVersion: version,
        name: displayName(entity),
        matchedAlias: aliases.text(hit.alias),
        score: hit.score,
        match: hit.score >= threshold,
        explanation,
        algorithm,
      });
    }
    matches.sort(
      (a, b) => b.score - a.score || a.list.localeCompare(b.list) || a.entityId.localeCompare(b.entityId),
    );
    return matches.slice(0, limit);
  }

  return {
    screen,
    entityCount: parts.entityCount,
    aliasCount: aliases.size,
    buildMs,
    parts,
  };
}

/** The index keys of a prepared name: key tokens (or all tokens when none carry identity) and nicknames. */
export function indexable(name: PreparedName): IndexableName {
  const base: IndexableName =
    name.keyTokens.length > 0
      ? name
      : {
          keyTokens: name.tokens,
          phonetic: name.tokens.map(() => ''),
          variantGroups: name.tokens.map(() => 0),
        };
  if (name.nicknames.length === 0) return base;
  const parts = [base, ...name.nicknames];
  return {
    keyTokens: parts.flatMap((p) => p.keyTokens),
    phonetic: parts.flatMap((p) => p.keyTokens.map((_, i) => p.phonetic[i] ?? '')),
    variantGroups: parts.flatMap((p) => p.keyTokens.map((_, i) => p.variantGroups?.[i] ?? 0)),
    parts: parts.flatMap((p, part) => p.keyTokens.map(() => part)),
  };
}
