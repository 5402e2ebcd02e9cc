/**
 * Whole-party score: the name comparison adjusted by what else is known about both sides —
 * date of birth, nationality/country, gender, identifiers (an exact identifier match is decisive).
 */
import type { Entity, FeatureContribution, PartyQuery } from '../../core/index.js';
import { compareNames, scoreNames } from './name-comparison.js';
import { type NameSchema, toNameSchema, type PreparedName } from './prepared-name.js';
import { checkPartyQuery } from './party-query-limits.js';
import {
  COUNTRY_DISAGREES_PENALTY,
  DOB_DIFFERENT_YEAR_PENALTY,
  MAX_QUALIFIER_BOOST,
  mayLowerScore,
  type QualifierResult,
  qualifierAdjustments,
  qualifierDelta,
} from './qualifiers.js';

/** Score given to an exact identifier match (passport, tax id, RFC, CURP, IMO …), whatever the names say. */
export const IDENTIFIER_MATCH_SCORE = 0.99;
/** Multiplier when the query's schema cannot be the entity's (a vessel query against a person). */
export const SCHEMA_MISMATCH_FACTOR = 0.5;

function compatibleSchemas(query: PartyQuery, entity: Entity): boolean {
  if (!query.schema || query.schema === 'Thing' || query.schema === 'LegalEntity') return true;
  const a = toNameSchema(query.schema);
  const b = toNameSchema(entity.schema);
  if (a === 'Unknown' || b === 'Unknown') return true;
  return a === b;
}

/** Options of scoreParty. */
export interface PartyScoringOptions {
  /**
   * Below this final score the explanation holds only the name score and the qualifiers (not the
   * part-by-part name alignment), which makes scoring many candidates much cheaper. The score
   * itself is the same with or without it.
   */
  floor?: number;
}

/** The one formula joining name score, schema check and qualifiers (every path uses it). */
function combine(
  nameScore: number,
  compatible: boolean,
  qualifiers: Pick<QualifierResult, 'delta' | 'identifierMatch'>,
): number {
  let score = nameScore;
  if (!compatible) score *= SCHEMA_MISMATCH_FACTOR;
  score += qualifiers.delta;
  if (qualifiers.identifierMatch) score = Math.max(score, IDENTIFIER_MATCH_SCORE);
  score = Math.min(1, Math.max(0, score));
  return round(score);
}

/**
 * Scores a query party against one alias of a watchlist entity.
 * @example scoreParty({ id: 'q1', name: 'Joaquin Guzman', birthDate: '1957' }, prepareName('Joaquin Guzman', 'Person'), entity, prepareName('GUZMAN LOERA, Joaquin', 'Person'))
 */
export function scoreParty(
  query: PartyQuery,
  queryName: PreparedName,
  entity: Entity,
  alias: PreparedName,
  options: PartyScoringOptions = {},
): { score: number; explanation: FeatureContribution[] } {
  checkPartyQuery(query);
  const compatible = compatibleSchemas(query, entity);
  const qualifiers = qualifierAdjustments(query, entity);
  if (options.floor !== undefined) {
    // The score alone is cheap; the part-by-part explanation is only built when it will be read.
    const nameScore = scoreNames(queryName, alias);
    const score = combine(nameScore, compatible, qualifiers);
    if (score < options.floor) {
      const explanation: FeatureContribution[] = [
        {
          feature: 'name',
          value: round(nameScore),
          weight: 1,
          detail: `name "${queryName.original}" ↔ "${alias.original}" (below ${options.floor}: parts not explained)`,
        },
      ];
      if (!compatible) explanation.push(schemaFeature(query, entity));
      explanation.push(...qualifiers.features);
      return { score, explanation };
    }
  }
  const name = compareNames(queryName, alias);
  const explanation: FeatureContribution[] = [
    {
      feature: 'name',
      value: round(name.score),
      weight: 1,
      detail: `name "${queryName.original}" ↔ "${alias.original}"`,
    },
    ...name.features,
  ];
  if (!compatible) explanation.push(schemaFeature(query, entity));
  explanation.push(...qualifiers.features);
  return { score: combine(name.score, compatible, qualifiers), explanation };
}

/**
 * Scores one query party against many candidate aliases, fast: what depends only on the entity
 * (schema check, qualifiers) is computed once per entity, and an alias whose name score cannot
 * reach the floor even with every qualifier agreeing is dropped before any qualifier work. The
 * scores equal scoreParty's; explanations are built afterwards with scoreParty, for the few
 * aliases that are reported.
 * @example
 * const scorer = new PartyScorer(query, prepareName(query.name, query.schema), 0.8);
 * const score = scorer.score(entity, alias); // -1 when it cannot reach 0.8
 */
export class PartyScorer {
  private readonly perEntity = new Map<
    Entity,
    { compatible: boolean; qualifiers: Pick<QualifierResult, 'delta' | 'identifierMatch'> }
  >();
  /**
   * The query holds a birth date, country or gender, and the floor is high enough for the
   * common penalties to rule a party out before its name is compared (see `score`).
   */
  private readonly qualifiersFirst: boolean;
  /** An identifier in the query can lift any name score to IDENTIFIER_MATCH_SCORE. */
  private readonly mayMatchIdentifier: boolean;
  /**
   * The query's name schema when a party of another one cannot reach the floor: halved by
   * SCHEMA_MISMATCH_FACTOR, a perfect name with every qualifier agreeing stays under it (a person
   * screened at 0.8 never alerts on a vessel). Undefined when the query's schema rules out none
   * (none given, Thing, LegalEntity) or when the floor is low enough for a mismatch to reach it.
   */
  private readonly excludesOtherSchemas: NameSchema | undefined;

  constructor(
    private readonly query: PartyQuery,
    private readonly queryName: PreparedName,
    private readonly floor: number,
  ) {
    checkPartyQuery(query);
    this.mayMatchIdentifier = !!query.idNumber && IDENTIFIER_MATCH_SCORE >= floor;
    const own = toNameSchema(query.schema);
    const mismatchBelowFloor =
      !this.mayMatchIdentifier && SCHEMA_MISMATCH_FACTOR + MAX_QUALIFIER_BOOST < floor - 1e-4;
    this.excludesOtherSchemas =
      mismatchBelowFloor && own !== 'Unknown' && query.schema !== 'Thing' && query.schema !== 'LegalEntity'
        ? own
        : undefined;
    // At the default 0.7 another birth year and another country (the two a customer's record
    // most often meets) leave a perfect name at the floor, and only a third penalty rules a party
    // out (15 % of the names compared on the speed benchmark, not worth an entity decoded for each
    // candidate); from a floor above it, 84 %.
    this.qualifiersFirst =
      mayLowerScore(query) && 1 - DOB_DIFFERENT_YEAR_PENALTY - COUNTRY_DISAGREES_PENALTY < floor - 1e-4;
  }

  /** What depends on the entity alone: the schema check and the qualifiers, once per entity. */
  private held(entity: Entity): {
    compatible: boolean;
    qualifiers: Pick<QualifierResult, 'delta' | 'identifierMatch'>;
  } {
    let held = this.perEntity.get(entity);
    if (!held) {
      held = {
        compatible: compatibleSchemas(this.query, entity),
        qualifiers: qualifierDelta(this.query, entity),
      };
      this.perEntity.set(entity, held);
    }
    return held;
  }

  /**
   * The party score of `alias` of `entity`, or -1 when it is certainly below the floor. `entity`
   * may be a function returning it (a screener opened from a snapshot decodes an entity on first
   * use): it is called first when the query's qualifiers may rule the party out, else only when
   * the name score can reach the floor.
   */
  score(entityOrGetter: Entity | (() => Entity), alias: PreparedName): number {
    // A party of another schema is below the floor whatever its name: not compared at all (a third
    // of what a person's name was compared with on the speed benchmark was an organisation, vessel
    // or aircraft). An alias is prepared with its entity's schema, but an entity of unknown
    // schema whose name holds a legal form is read as an organisation (`prepareName`) and stays
    // compatible with every query: for an organisation alias the entity's own schema decides.
    const excludes = this.excludesOtherSchemas;
    if (excludes !== undefined && alias.schema !== excludes && alias.schema !== 'Unknown') {
      if (alias.schema !== 'Organization') return -1;
      const entity = typeof entityOrGetter === 'function' ? entityOrGetter() : entityOrGetter;
      if (!compatibleSchemas(this.query, entity)) return -1;
    }
    // A party whose birth date, country or gender disagree may be below the floor with a perfect
    // name: the score grows with the name's, so a name of 1 bounds it. Customers are screened with
    // their birth date and nationality, and most aliases a name reaches belong to someone born
    // another year elsewhere (-0.2 for the year, -0.1 for the country). The qualifiers cost less
    // than comparing the names.
    if (this.qualifiersFirst) {
      const entity = typeof entityOrGetter === 'function' ? entityOrGetter() : entityOrGetter;
      const held = this.held(entity);
      if (combine(1, held.compatible, held.qualifiers) < this.floor) return -1;
    }
    const nameScore = scoreNames(this.queryName, alias);
    // The margin covers the final rounding to four decimals.
    if (!this.mayMatchIdentifier && nameScore + MAX_QUALIFIER_BOOST < this.floor - 1e-4) return -1;
    const entity = typeof entityOrGetter === 'function' ? entityOrGetter() : entityOrGetter;
    const held = this.held(entity);
    const score = combine(nameScore, held.compatible, held.qualifiers);
    return score < this.floor ? -1 : score;
  }
}

function schemaFeature(query: PartyQuery, entity: Entity): FeatureContribution {
  return {
    feature: 'schema',
    value: SCHEMA_MISMATCH_FACTOR,
    weight: 0,
    detail: `query is a ${query.schema}, entity is a ${entity.schema}`,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
