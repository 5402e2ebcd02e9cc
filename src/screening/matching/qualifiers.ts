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

function dobFeature(query: string, listed: string[]): { delta: number; detail: string } | undefined {
  if (listed.length === 0) return undefined;
  let best: { delta: number; detail: string } | undefined;
  for (const date of listed) {
    const common = Math.min(query.length, date.length);
    let result: { delta: number; detail: string };
    if (query.slice(0, 4) !== date.slice(0, 4)) {
      result = { delta: -DOB_DIFFERENT_YEAR_PENALTY, detail: `DOB ${query} vs ${date}: different year` };
    } else if (query.slice(0, common) === date.slice(0, common)) {
      result =
        common >= 10
          ? { delta: DOB_AGREES_BOOST, detail: `DOB ${query} vs ${date}: same date` }
          : {
              delta: common > 4 ? DOB_AGREES_BOOST / 2 : 0,
              detail: `DOB ${query} vs ${date}: ${common > 4 ? 'year and month agree' : 'year agrees'}`,
            };
    } else {
      result = {
        delta: -DOB_SAME_YEAR_PENALTY,
        detail: `DOB ${query} vs ${date}: same year, different month or day`,
      };
    }
    if (!best || result.delta > best.delta) best = result;
  }
  return best;
}

/** Adjustments to a name score from the party's qualifiers. */
export function qualifierAdjustments(query: PartyQuery, entity: Entity): QualifierResult {
  const features: FeatureContribution[] = [];
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
      features.push({
        feature: 'identifier',
        value: 1,
        weight: 1,
        detail: `identifier ${query.idNumber} = ${hit.label ?? hit.type} ${hit.value}: exact match (decisive)`,
      });
    }
  }
  if (query.birthDate) {
    const dob = dobFeature(query.birthDate, entity.birthDates);
    if (dob) {
      delta += dob.delta;
      features.push({ feature: 'birth-date', value: dob.delta, weight: 1, detail: dob.detail });
    }
  }
  const wantedCountries = [query.nationality, query.country]
    .filter((c): c is string => !!c)
    .map(normalizeCountry);
  const listedCountries = [
    ...entity.nationalities,
    ...entity.countries,
    ...entity.addresses.map((a) => a.country).filter((c): c is string => !!c),
  ].map(normalizeCountry);
  if (wantedCountries.length > 0 && listedCountries.length > 0) {
    const agrees = wantedCountries.some((c) => listedCountries.includes(c));
    const d = agrees ? COUNTRY_AGREES_BOOST : -COUNTRY_DISAGREES_PENALTY;
    delta += d;
    features.push({
      feature: 'country',
      value: d,
      weight: 1,
      detail: `country ${wantedCountries.join('/')} vs listed ${[...new Set(listedCountries)].join('/')}: ${agrees ? 'agrees' : 'disagrees'}`,
    });
  }
  if (query.gender && entity.gender && query.gender !== entity.gender) {
    delta -= GENDER_DISAGREES_PENALTY;
    features.push({
      feature: 'gender',
      value: -GENDER_DISAGREES_PENALTY,
      weight: 1,
      detail: `gender ${query.gender} vs listed ${entity.gender}: disagrees`,
    });
  }
  return { delta, identifierMatch, features };
}
