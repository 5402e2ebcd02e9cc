/**
 * Whole-party score: the name comparison adjusted by what else is known about both sides —
 * date of birth, nationality/country, gender, identifiers (an exact identifier match is decisive).
 */
import type { Entity, FeatureContribution, PartyQuery } from '../../core/index.js';
import { compareNames, scoreNames } from './name-comparison.js';
import { toNameSchema, type PreparedName } from './prepared-name.js';
import { qualifierAdjustments } from './qualifiers.js';

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

/** Name score, schema check and qualifiers combined, without the name's explanation. */
function partyScore(
  query: PartyQuery,
  nameScore: number,
  entity: Entity,
): { score: number; name: number; qualifiers: ReturnType<typeof qualifierAdjustments> } {
  let score = nameScore;
  if (!compatibleSchemas(query, entity)) score *= SCHEMA_MISMATCH_FACTOR;
  const qualifiers = qualifierAdjustments(query, entity);
  score += qualifiers.delta;
  if (qualifiers.identifierMatch) score = Math.max(score, IDENTIFIER_MATCH_SCORE);
  score = Math.min(1, Math.max(0, score));
  return { score: round(score), name: nameScore, qualifiers };
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
  if (options.floor !== undefined) {
    // The score alone is cheap; the part-by-part explanation is only built when it will be read.
    const quick = partyScore(query, scoreNames(queryName, alias), entity);
    if (quick.score < options.floor) {
      const explanation: FeatureContribution[] = [
        {
          feature: 'name',
          value: round(quick.name),
          weight: 1,
          detail: `name "${queryName.original}" ↔ "${alias.original}" (below ${options.floor}: parts not explained)`,
        },
      ];
      if (!compatibleSchemas(query, entity)) explanation.push(schemaFeature(query, entity));
      explanation.push(...quick.qualifiers.features);
      return { score: quick.score, explanation };
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
  let score = name.score;
  if (!compatibleSchemas(query, entity)) {
    score *= SCHEMA_MISMATCH_FACTOR;
    explanation.push(schemaFeature(query, entity));
  }
  const q = qualifierAdjustments(query, entity);
  score += q.delta;
  explanation.push(...q.features);
  if (q.identifierMatch) score = Math.max(score, IDENTIFIER_MATCH_SCORE);
  score = Math.min(1, Math.max(0, score));
  return { score: round(score), explanation };
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
