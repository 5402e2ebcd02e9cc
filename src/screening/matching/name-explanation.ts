/**
 * Turns an alignment of two names into FeatureContributions an analyst can read:
 * "name part GUZMAN matched exactly", "given name JOSE ↔ JOSEPH (known variant)",
 * "legal form 'SA de CV' ignored", "extra part LOERA (missing on one side)".
 */
import type { FeatureContribution } from '../../core/index.js';
import type { PreparedName } from './prepared-name.js';
import { jurisdictionWords, orgTypeGroup } from '../normalize/index.js';
import {
  ACRONYM_SCORE,
  DISTINCTIVE_WORD_WEIGHT,
  GENERATION_CONFLICT_FACTOR,
  missingPartShare,
  personalQueryOverOneWord,
  pairWeight,
  SAME_PART_SIMILARITY,
} from './name-scoring-rules.js';
import { pairedTwin, type Alignment } from './token-alignment.js';
import { slipOfIgnoredWord } from './ignored-word-slips.js';
import type { TokenMatchKind } from './token-match-kind.js';

export interface ScoreParts {
  aligned: number;
  joined: number;
  /** The two names as the joined comparison wrote them (particles kept where that agreed better). */
  joinedForms?: readonly [string, string];
  acronym: number;
  /** A code with one slip ("RA-65986" ~ "A-65986"). */
  code?: number;
  final: number;
  nickname: boolean;
  merged: boolean;
  /** Both names are the same words in the same order. */
  identical?: boolean;
  /** The generation suffixes of the query and the candidate (jr, sr, ii, …), where written. */
  generations?: readonly [string | undefined, string | undefined];
}

/** A variant pair of organisation-type words (ZAVOD ~ PLANT, NAVIERA ~ SHIPPING). */
const ORG_TYPE_TEXT = 'the same kind of organisation in another language';

const kindText: Record<TokenMatchKind, string> = {
  exact: 'matched exactly',
  variant: 'known variant of the same name',
  initial: 'initial',
  prefix: 'shortened form',
  phonetic: 'sounds the same',
  spelling: 'spelling differs',
  consonants: 'same consonants (transliterated from a script without vowels)',
  particles: 'same name with its particles written joined',
  role: "own name on one side, father's name on the other",
  slip: 'a letter dropped, added or two letters swapped, or a vowel for a vowel in a two-letter word (typo)',
  different: 'different',
  written: 'compared as written, the typo reading set aside',
  series: 'another series number of the same name',
  ordinal: 'the same ordinal in words and digits',
};

const up = (t: string) => t.toUpperCase();

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Builds the per-feature explanation of a name comparison. */
export function explainAlignment(
  q: PreparedName,
  c: PreparedName,
  a: Alignment,
  org: boolean,
  parts: ScoreParts,
): FeatureContribution[] {
  const features: FeatureContribution[] = [];
  if (parts.nickname) {
    features.push({
      feature: 'nickname',
      value: 1,
      weight: 0,
      detail: `compared as ${q.alternative !== 'name' ? q.alternative : c.alternative}: "${q.original}" ↔ "${c.original}"`,
    });
  }
  if (parts.merged) {
    features.push({
      feature: 'split-words',
      value: 1,
      weight: 0,
      detail: `split words joined before comparing: ${q.keyTokens.map(up).join(' ')} ↔ ${c.keyTokens.map(up).join(' ')}`,
    });
  }
  let total = 0;
  let solid = 0;
  let distinctive = false;
  for (let p = 0; p < a.count; p++) {
    const same = a.similarity[p]! >= SAME_PART_SIMILARITY;
    const w = pairWeight(q.weights[a.queryIndex[p]!]!, c.weights[a.candidateIndex[p]!]!, same, org);
    total += w;
    if (same && q.keyTokens[a.queryIndex[p]!]!.length > 1 && c.keyTokens[a.candidateIndex[p]!]!.length > 1)
      solid += w;
    if (same && w >= DISTINCTIVE_WORD_WEIGHT) distinctive = true;
  }
  // A country or region missing beside an agreeing distinctive word is a qualifier (see JURISDICTION_WEIGHT).
  const costOf = (token: string): string =>
    org && distinctive && jurisdictionWords.has(token) ? 'little: a country or region' : cost;
  const syllabic =
    !org && (q.syllabic || c.syllabic || (q.koreanKeys !== undefined && c.koreanKeys !== undefined));
  const cost = org
    ? 'some'
    : syllabic
      ? 'fully: a syllable of the name'
      : missingPartShare(org, false, solid) > missingPartShare(org, false, Number.POSITIVE_INFINITY)
        ? 'more: little else agrees'
        : 'little';
  for (let p = 0; p < a.count; p++) {
    const i = a.queryIndex[p]!;
    const j = a.candidateIndex[p]!;
    const s = a.similarity[p]!;
    const x = q.keyTokens[i]!;
    const y = c.keyTokens[j]!;
    const same = s >= SAME_PART_SIMILARITY;
    const w = pairWeight(q.weights[i]!, c.weights[j]!, same, org);
    const listed = q.rarityWords?.includes(x) || c.rarityWords?.includes(y);
    const common =
      w < 0.9 ? (listed ? ' (common in the lists, low weight)' : ' (common word, low weight)') : '';
    const detail =
      a.kinds[p] === 'written'
        ? `name part ${up(q.written?.[i] ?? x)} ↔ ${up(c.written?.[j] ?? y)}: ${kindText.written} (${round(s)})${common}`
        : x === y
          ? `name part ${up(x)} ${kindText.exact}${common}`
          : `name part ${up(x)} ↔ ${up(y)}: ${same ? (a.kinds[p] === 'series' && s >= 1 ? 'the same number in Roman numerals and digits' : a.kinds[p] === 'variant' && orgTypeGroup.has(x) ? ORG_TYPE_TEXT : kindText[a.kinds[p]!]) : a.kinds[p] === 'role' ? kindText.role : 'conflicting parts'} (${round(s)})${common}`;
    features.push({
      feature: same ? 'name-part' : 'name-conflict',
      value: round(s),
      weight: round(w / (total || 1)),
      detail,
    });
  }
  // A personal query against a one-word organisation or vessel name (see ONE_WORD_NAME_EXTRA_SHARE).
  const personal = org && personalQueryOverOneWord(q, c);
  const n = Math.min(q.keyTokens.length, a.queryUsed.length);
  for (let i = 0; i < n; i++) {
    if (a.queryUsed[i]) continue;
    const twin = pairedTwin(q, a.queryUsed, n, i);
    const slip = twin ? undefined : slipOfIgnoredWord(q.keyTokens[i]!, c);
    features.push(
      slip
        ? slipLine(q.keyTokens[i]!, slip, 'candidate')
        : extra(
            q.keyTokens[i]!,
            'query',
            org,
            twin,
            personal ? 'fully: the rest of a personal name' : costOf(q.keyTokens[i]!),
          ),
    );
  }
  const m = Math.min(c.keyTokens.length, a.candidateUsed.length);
  for (let j = 0; j < m; j++) {
    if (a.candidateUsed[j]) continue;
    const twin = pairedTwin(c, a.candidateUsed, m, j);
    const slip = twin ? undefined : slipOfIgnoredWord(c.keyTokens[j]!, q);
    features.push(
      slip
        ? slipLine(c.keyTokens[j]!, slip, 'query')
        : extra(c.keyTokens[j]!, 'candidate', org, twin, costOf(c.keyTokens[j]!)),
    );
  }
  for (const [side, name] of [
    ['query', q],
    ['candidate', c],
  ] as const) {
    for (const form of name.legalForms) {
      features.push({
        feature: 'legal-form',
        value: 0,
        weight: 0,
        detail: `legal form '${form.canonical}' ignored (${side})`,
      });
    }
    if (name.titles.length > 0) {
      features.push({
        feature: 'title',
        value: 0,
        weight: 0,
        detail: `title '${name.titles.join(' ')}' ignored (${side})`,
      });
    }
    if (name.droppedParticles.length > 0) {
      features.push({
        feature: 'particle',
        value: 0,
        weight: 0,
        detail: `particles ${name.droppedParticles.map((t) => `'${t}'`).join(', ')} ignored (${side})`,
      });
    }
    if (name.hiddenCharacters.length > 0) {
      features.push({
        feature: 'hidden-characters',
        value: name.hiddenCharacters.length,
        weight: 0,
        detail: `${name.hiddenCharacters.length} hidden character${name.hiddenCharacters.length > 1 ? 's' : ''} removed before matching: ${[...new Set(name.hiddenCharacters)].join(', ')} (${side})`,
      });
    }
    for (const reading of name.numberReadings) {
      features.push({
        feature: 'number-reading',
        value: 0,
        weight: 0,
        detail: `${up(reading.written)} read as the number ${reading.read} (${side})`,
      });
    }
    for (const reading of name.typoReadings) {
      features.push({
        feature: 'typo-reading',
        value: 0,
        weight: 0,
        detail: `${up(reading.written)} read as the ${reading.kind} ${up(reading.read)} (${side})`,
      });
    }
    if (name.transliterated) {
      features.push({
        feature: 'transliteration',
        value: 0,
        weight: 0,
        detail: `"${name.original}" romanised (${side})`,
      });
    }
  }
  if (parts.joined > parts.aligned && parts.joined >= parts.final - 1e-9) {
    features.push({
      feature: 'joined-words',
      value: round(parts.joined),
      weight: 1,
      detail: `words joined or split differently: ${up(parts.joinedForms?.[0] ?? q.joined)} ↔ ${up(parts.joinedForms?.[1] ?? c.joined)}`,
    });
  }
  const code = parts.code ?? 0;
  if (code > parts.aligned && code > parts.joined && code >= parts.final - 1e-9) {
    features.push({
      feature: 'code-slip',
      value: round(code),
      weight: 1,
      detail: `code ${up(q.joinedAll)} ↔ ${up(c.joinedAll)}: one letter dropped, added or two swapped (typo)`,
    });
  }
  if (parts.acronym > parts.aligned && parts.acronym >= parts.final - 1e-9) {
    features.push({
      feature: 'acronym',
      value: round(parts.acronym),
      weight: 1,
      detail: `acronym ${up(q.keyTokens.length <= c.keyTokens.length ? q.joined : c.joined)} = ${parts.acronym < ACRONYM_SCORE ? 'leading letters of the words' : 'initials'} of the other name`,
    });
  }
  if (parts.identical && parts.aligned < 1 - 1e-9) {
    features.push({
      feature: 'identical-words',
      value: 1,
      weight: 1,
      detail: 'both names are the same words in the same order',
    });
  }
  const [queryGeneration, candidateGeneration] = parts.generations ?? [undefined, undefined];
  const generationConflict =
    queryGeneration !== undefined &&
    candidateGeneration !== undefined &&
    queryGeneration !== candidateGeneration;
  if (generationConflict) {
    features.push({
      feature: 'generation',
      value: GENERATION_CONFLICT_FACTOR,
      weight: 0,
      detail: `generation suffixes differ: ${up(queryGeneration)} ↔ ${up(candidateGeneration)} (another generation of the family)`,
    });
  } else {
    for (const [side, generation] of [
      ['query', queryGeneration],
      ['candidate', candidateGeneration],
    ] as const) {
      if (generation === undefined) continue;
      features.push({
        feature: 'generation',
        value: 0,
        weight: 0,
        detail: `generation suffix '${up(generation)}' ignored (${side})`,
      });
    }
  }
  if (parts.final < parts.aligned - 1e-9 && !parts.identical && !generationConflict) {
    features.push({
      feature: 'org-adjustment',
      value: round(parts.final / (parts.aligned || 1)),
      weight: 0,
      detail: 'legal forms or numbers disagree',
    });
  }
  return features;
}

/** An unpaired word that is a slip of a legal-form word, title or particle the other side took out. */
function slipLine(token: string, word: string, other: 'query' | 'candidate'): FeatureContribution {
  return {
    feature: 'typo-reading',
    value: 0,
    weight: 0,
    detail: `${up(token)} read as ${up(word)}, a legal-form word, title or particle of the ${other} (costs almost nothing)`,
  };
}

function extra(
  token: string,
  side: 'query' | 'candidate',
  org: boolean,
  repeated = false,
  cost = org ? 'some' : 'little',
): FeatureContribution {
  return {
    feature: 'name-extra',
    value: 0,
    weight: 0,
    detail: repeated
      ? `${org ? 'word' : 'name part'} ${up(token)} written twice in the ${side} (costs nothing)`
      : `${org ? 'word' : 'name part'} ${up(token)} only in the ${side} (costs ${cost})`,
  };
}
