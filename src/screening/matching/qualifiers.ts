/**
 * The non-name evidence of a match: birth date, nationality and country, gender, identifiers.
 * Each returns a score delta with a readable reason; absent data never costs anything.
 */
import type { Entity, FeatureContribution, PartyQuery } from '../../core/index.js';
import { wordTable } from '../normalize/index.js';

/** Same full birth date (or same year-month/year at the precision both sides have). */
export const DOB_AGREES_BOOST = 0.03;
/** Same year, different month or day: often a data-entry difference, so a smaller penalty. */
export const DOB_SAME_YEAR_PENALTY = 0.07;
/** Different year (the nearest listed date is ≥ 1 year away). */
export const DOB_DIFFERENT_YEAR_PENALTY = 0.2;
export const COUNTRY_AGREES_BOOST = 0.02;
export const COUNTRY_DISAGREES_PENALTY = 0.1;
export const GENDER_DISAGREES_PENALTY = 0.12;
/** The most the qualifiers can add to a name score (identifiers aside): lets scorers skip hopeless aliases. */
export const MAX_QUALIFIER_BOOST = DOB_AGREES_BOOST + COUNTRY_AGREES_BOOST;

export interface QualifierResult {
  delta: number;
  identifierMatch: boolean;
  features: FeatureContribution[];
}

/** Identifier values compared without spaces, dashes, dots or slashes, case-insensitive. */
export function normalizeIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const countryAliases = wordTable<string>({
  us: 'us',
  usa: 'us',
  unitedstates: 'us',
  unitedstatesofamerica: 'us',
  estadosunidos: 'us',
  mx: 'mx',
  mex: 'mx',
  mexico: 'mx',
  co: 'co',
  col: 'co',
  colombia: 'co',
  ru: 'ru',
  rus: 'ru',
  russia: 'ru',
  russianfederation: 'ru',
  cn: 'cn',
  chn: 'cn',
  china: 'cn',
  ir: 'ir',
  irn: 'ir',
  iran: 'ir',
  iranislamicrepublicof: 'ir',
  gb: 'gb',
  uk: 'gb',
  unitedkingdom: 'gb',
  greatbritain: 'gb',
  ve: 've',
  ven: 've',
  venezuela: 've',
  kp: 'kp',
  northkorea: 'kp',
  democraticpeoplesrepublicofkorea: 'kp',
  sy: 'sy',
  syria: 'sy',
  syrianarabrepublic: 'sy',
  af: 'af',
  afghanistan: 'af',
  iq: 'iq',
  iraq: 'iq',
  gt: 'gt',
  guatemala: 'gt',
  hn: 'hn',
  honduras: 'hn',
  pe: 'pe',
  peru: 'pe',
  ec: 'ec',
  ecuador: 'ec',
  es: 'es',
  spain: 'es',
  espana: 'es',
  de: 'de',
  germany: 'de',
  fr: 'fr',
  france: 'fr',
  cu: 'cu',
  cuba: 'cu',
  lb: 'lb',
  lebanon: 'lb',
  ae: 'ae',
  unitedarabemirates: 'ae',
  uae: 'ae',
  pk: 'pk',
  pakistan: 'pk',
  in: 'in',
  india: 'in',
  tr: 'tr',
  turkey: 'tr',
  turkiye: 'tr',
  ua: 'ua',
  ukraine: 'ua',
  by: 'by',
  belarus: 'by',
  ye: 'ye',
  yemen: 'ye',
  so: 'so',
  somalia: 'so',
  sd: 'sd',
  sudan: 'sd',
  ly: 'ly',
  libya: 'ly',
  sa: 'sa',
  saudiarabia: 'sa',
});

/** Lists repeat the same few hundred country strings: normalise each once. */
const normalizedCountries = new Map<string, string>();

function normalizeCountry(value: string): string {
  const known = normalizedCountries.get(value);
  if (known !== undefined) return known;
  if (normalizedCountries.size > 10_000) normalizedCountries.clear();
  const normalized = normalizeCountryText(value);
  normalizedCountries.set(value, normalized);
  return normalized;
}

function normalizeCountryText(value: string): string {
  const key = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return countryAliases[key] ?? key;
}

/** How the query's birth date compares with the nearest listed one. */
interface DobComparison {
  delta: number;
  /** The listed date compared. */
  date: string;
  /** Characters both dates have in common (a date given as a year only agrees on four). */
  common: number;
}

/** The listed date the query's agrees with best, or undefined when none is listed. */
function dobComparison(query: string, listed: readonly string[]): DobComparison | undefined {
  let best: DobComparison | undefined;
  for (const date of listed) {
    const common = Math.min(query.length, date.length);
    let delta: number;
    if (query.slice(0, 4) !== date.slice(0, 4)) delta = -DOB_DIFFERENT_YEAR_PENALTY;
    else if (query.slice(0, common) === date.slice(0, common))
      delta = common >= 10 ? DOB_AGREES_BOOST : common > 4 ? DOB_AGREES_BOOST / 2 : 0;
    else delta = -DOB_SAME_YEAR_PENALTY;
    if (!best || delta > best.delta) best = { delta, date, common };
  }
  return best;
}

function dobDetail(query: string, { delta, date, common }: DobComparison): string {
  if (delta === -DOB_DIFFERENT_YEAR_PENALTY) return `DOB ${query} vs ${date}: different year`;
  if (delta === -DOB_SAME_YEAR_PENALTY) return `DOB ${query} vs ${date}: same year, different month or day`;
  if (common >= 10) return `DOB ${query} vs ${date}: same date`;
  return `DOB ${query} vs ${date}: ${common > 4 ? 'year and month agree' : 'year agrees'}`;
}

/** Adjustments to a name score from the party's qualifiers. */
export function qualifierAdjustments(query: PartyQuery, entity: Entity): QualifierResult {
  const features: FeatureContribution[] = [];
  const { delta, identifierMatch } = adjust(query, entity, features);
  return { delta, identifierMatch, features };
}

/**
 * The delta and identifier match of `qualifierAdjustments` without their explanation: what a
 * scorer needs for the score alone (no reason text built for each listed entity a query meets).
 */
export function qualifierDelta(query: PartyQuery, entity: Entity): Omit<QualifierResult, 'features'> {
  return adjust(query, entity, undefined);
}

/** Whether the query holds a qualifier that can lower a score (birth date, country, gender). */
export function mayLowerScore(query: PartyQuery): boolean {
  return !!(query.birthDate || query.nationality || query.country || query.gender);
}

/** The qualifiers' delta and identifier match; their explanation pushed to `features` when given. */
function adjust(
  query: PartyQuery,
  entity: Entity,
  features: FeatureContribution[] | undefined,
): Omit<QualifierResult, 'features'> {
  let delta = 0;
  let identifierMatch = false;

  if (query.idNumber) {
    const wanted = normalizeIdentifier(query.idNumber);
    const hit =
      wanted.length >= 4
        ? entity.identifiers.find((id) => normalizeIdentifier(id.value) === wanted)
        : undefined;
    if (hit) {
      identifierMatch = true;
      features?.push({
        feature: 'identifier',
        value: 1,
        weight: 1,
        detail: `identifier ${query.idNumber} = ${hit.label ?? hit.type} ${hit.value}: exact match (decisive)`,
      });
    }
  }
  if (query.birthDate) {
    const dob = dobComparison(query.birthDate, entity.birthDates);
    if (dob) {
      delta += dob.delta;
      features?.push({
        feature: 'birth-date',
        value: dob.delta,
        weight: 1,
        detail: dobDetail(query.birthDate, dob),
      });
    }
  }
  const agrees = countriesAgree(query, entity);
  if (agrees !== undefined) {
    const d = agrees ? COUNTRY_AGREES_BOOST : -COUNTRY_DISAGREES_PENALTY;
    delta += d;
    if (features) {
      const wanted = [query.nationality, query.country].filter((c): c is string => !!c).map(normalizeCountry);
      features.push({
        feature: 'country',
        value: d,
        weight: 1,
        detail: `country ${wanted.join('/')} vs listed ${[...new Set(listedCountries(entity))].join('/')}: ${agrees ? 'agrees' : 'disagrees'}`,
      });
    }
  }
  if (query.gender && entity.gender && query.gender !== entity.gender) {
    delta -= GENDER_DISAGREES_PENALTY;
    features?.push({
      feature: 'gender',
      value: -GENDER_DISAGREES_PENALTY,
      weight: 1,
      detail: `gender ${query.gender} vs listed ${entity.gender}: disagrees`,
    });
  }
  return { delta, identifierMatch };
}

/** The entity's nationalities, countries and address countries, normalised. */
function listedCountries(entity: Entity): string[] {
  return [
    ...entity.nationalities,
    ...entity.countries,
    ...entity.addresses.map((a) => a.country).filter((c): c is string => !!c),
  ].map(normalizeCountry);
}

/**
 * Whether a country of the query (nationality or country) is one the entity lists; undefined when
 * either side gives none. Asked for every listed party a query meets: no arrays built.
 */
function countriesAgree(query: PartyQuery, entity: Entity): boolean | undefined {
  const nationality = query.nationality ? normalizeCountry(query.nationality) : undefined;
  const country = query.country ? normalizeCountry(query.country) : undefined;
  if (nationality === undefined && country === undefined) return undefined;
  let listed = false;
  const agrees = (value: string): boolean => {
    listed = true;
    const c = normalizeCountry(value);
    return c === nationality || c === country;
  };
  for (const value of entity.nationalities) if (agrees(value)) return true;
  for (const value of entity.countries) if (agrees(value)) return true;
  for (const address of entity.addresses) if (address.country && agrees(address.country)) return true;
  return listed ? false : undefined;
}
